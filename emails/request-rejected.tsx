import { useLocale, useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZRequestRejectedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  basisLabel: ZSingleLineText,
  message: ZMessageText.nullable(),
  statusUrl: ZLinkUrl,
  /** Where the regime gives an appeal (US state laws): the last day to appeal from the status page. Optional so rows queued before it parse. */
  appealUntil: ZCalendarDate.nullable().optional(),
});

export type TRequestRejectedEmailProps = z.infer<typeof ZRequestRejectedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  basisLabel: 'We could not verify your identity',
  message:
    'We asked twice for the postcode on your account and did not receive a reply within 30 days.\n\n' +
    'You are welcome to make a new request at any time.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TRequestRejectedEmailProps;

export function subject({ reference }: TRequestRejectedEmailProps, t: Translator): string {
  return t('emails.requestRejected.subject', { reference });
}

export function RequestRejectedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  basisLabel,
  message,
  statusUrl,
  appealUntil,
}: TRequestRejectedEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('requestRejected.preview', { organisationName, reference })}
      heading={t('requestRejected.heading')}
    >
      <Paragraph>{t('requestRejected.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
          { label: t('details.reason'), value: basisLabel },
        ]}
      />
      {message !== null && <MessageText text={message} />}
      {/* A refusal must give the reason and mention complaint and court: GDPR Art. 12(4),
          https://gdpr-info.eu/art-12-gdpr/ */}
      {appealUntil ? <Paragraph>{t('requestRejected.appeal', { until: formatCalendarDateIn(locale, appealUntil) })}</Paragraph> : null}
      <Paragraph>{t('requestRejected.complain')}</Paragraph>
      <Paragraph>{t('requestRejected.history')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

RequestRejectedEmail.PreviewProps = previewProps;

export default RequestRejectedEmail;
