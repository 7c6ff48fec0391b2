import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZInformationRequestedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  message: ZMessageText,
  statusUrl: ZLinkUrl,
  isClockStopped: z.boolean(),
});

export type TInformationRequestedEmailProps = z.infer<typeof ZInformationRequestedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  message:
    'Thank you for your request. We hold records under two customer accounts that may be yours.\n\n' +
    'Could you tell us the postcode you used for deliveries, and roughly when you last ordered from us?\n' +
    'That lets us make sure we only send you your own data.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  isClockStopped: true,
} satisfies TInformationRequestedEmailProps;

export function subject({ reference }: TInformationRequestedEmailProps, t: Translator): string {
  return t('emails.informationRequested.subject', { reference });
}

export function InformationRequestedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
  isClockStopped,
}: TInformationRequestedEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('informationRequested.preview', { organisationName, reference })}
      heading={t('informationRequested.heading')}
    >
      <Paragraph>{t('informationRequested.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <Paragraph>{t('informationRequested.ourMessage')}</Paragraph>
      <MessageText text={message} />
      <Paragraph>{t('informationRequested.replyOnPage')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('informationRequested.button')}</ButtonLink>
      {isClockStopped && <Paragraph>{t('informationRequested.clockStopped')}</Paragraph>}
      <Paragraph>{t('keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

InformationRequestedEmail.PreviewProps = previewProps;

export default InformationRequestedEmail;
