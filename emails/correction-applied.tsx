import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZCorrectionAppliedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TCorrectionAppliedEmailProps = z.infer<typeof ZCorrectionAppliedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Correction — correct personal data that is wrong',
  message: 'We changed the surname on your customer account and your two delivery addresses from Lovelance to Lovelace.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TCorrectionAppliedEmailProps;

export function subject({ reference }: TCorrectionAppliedEmailProps, t: Translator): string {
  return t('emails.correctionApplied.subject', { reference });
}

export function CorrectionAppliedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
}: TCorrectionAppliedEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('correctionApplied.preview', { organisationName, reference })}
      heading={t('correctionApplied.heading')}
    >
      <Paragraph>{t('correctionApplied.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

CorrectionAppliedEmail.PreviewProps = previewProps;

export default CorrectionAppliedEmail;
