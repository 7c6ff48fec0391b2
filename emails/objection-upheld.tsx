import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZObjectionUpheldEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TObjectionUpheldEmailProps = z.infer<typeof ZObjectionUpheldEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Objection — stop processing my data for a purpose I object to (including direct marketing)',
  message: 'We no longer use your purchase history to profile you for marketing, and you will receive no more marketing from us.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TObjectionUpheldEmailProps;

export function subject({ reference }: TObjectionUpheldEmailProps, t: Translator): string {
  return t('emails.objectionUpheld.subject', { reference });
}

export function ObjectionUpheldEmail({ organisationName, reference, requestTypeLabel, message, statusUrl }: TObjectionUpheldEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('objectionUpheld.preview', { organisationName, reference })}
      heading={t('objectionUpheld.heading')}
    >
      <Paragraph>{t('objectionUpheld.intro', { organisationName })}</Paragraph>
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

ObjectionUpheldEmail.PreviewProps = previewProps;

export default ObjectionUpheldEmail;
