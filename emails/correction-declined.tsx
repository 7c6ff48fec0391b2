import { useLocale, useTranslations } from 'use-intl';
import type { z } from 'zod';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZRequestRejectedEmailProps } from './request-rejected';

/** The same facts as any refusal; the words are a correction's (the data stays as it is, and what the requester can still do). */
export const ZCorrectionDeclinedEmailProps = ZRequestRejectedEmailProps;

export type TCorrectionDeclinedEmailProps = z.infer<typeof ZCorrectionDeclinedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Correction — correct personal data that is wrong',
  basisLabel: 'An exemption in the law applies',
  message: 'Our records match the passport you showed us when you opened your account: the date of birth we hold is accurate.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  appealUntil: '2027-02-15',
} satisfies TCorrectionDeclinedEmailProps;

export function subject({ reference }: TCorrectionDeclinedEmailProps, t: Translator): string {
  return t('emails.correctionDeclined.subject', { reference });
}

export function CorrectionDeclinedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  basisLabel,
  message,
  statusUrl,
  appealUntil,
}: TCorrectionDeclinedEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('correctionDeclined.preview', { organisationName, reference })}
      heading={t('correctionDeclined.heading')}
    >
      <Paragraph>{t('correctionDeclined.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
          { label: t('details.reason'), value: basisLabel },
        ]}
      />
      {message !== null && <MessageText text={message} />}
      {/* CCPA regulations, 11 CCR §7023(f): a consumer whose correction is denied may send a written statement
          of up to 250 words, kept with the contested data. GDPR Art. 16 speaks of a supplementary statement. */}
      <Paragraph>{t('correctionDeclined.statement')}</Paragraph>
      {/* The appeal and the complaint read as in any refusal (request-rejected). */}
      {appealUntil ? <Paragraph>{t('requestRejected.appeal', { until: formatCalendarDateIn(locale, appealUntil) })}</Paragraph> : null}
      <Paragraph>{t('requestRejected.complain')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

CorrectionDeclinedEmail.PreviewProps = previewProps;

export default CorrectionDeclinedEmail;
