import { useLocale, useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZSingleLineText } from './fields';

export const ZAcknowledgementEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  receivedOn: ZCalendarDate,
  dueOn: ZCalendarDate,
  jurisdictionLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
  /** A correction: the fields the requester named and what each should be (optional, so older payloads still render). */
  correctionFields: z
    .array(z.strictObject({ field: ZSingleLineText, shouldBe: ZSingleLineText }))
    .max(20)
    .optional(),
});

export type TAcknowledgementEmailProps = z.infer<typeof ZAcknowledgementEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  receivedOn: '2026-11-25',
  dueOn: '2026-12-25',
  jurisdictionLabel: 'GDPR (European Union)',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TAcknowledgementEmailProps;

export function subject({ reference }: TAcknowledgementEmailProps, t: Translator): string {
  return t('emails.acknowledgement.subject', { reference });
}

export function AcknowledgementEmail({
  organisationName,
  reference,
  requestTypeLabel,
  receivedOn,
  dueOn,
  jurisdictionLabel,
  statusUrl,
  correctionFields,
}: TAcknowledgementEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  const dueDate = formatCalendarDateIn(locale, dueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('acknowledgement.preview', { reference, dueDate })}
      heading={t('acknowledgement.heading')}
    >
      <Paragraph>{t('acknowledgement.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
          { label: t('details.receivedOn'), value: formatCalendarDateIn(locale, receivedOn) },
          { label: t('details.respondBy'), value: dueDate },
          { label: t('details.handledUnder'), value: jurisdictionLabel },
        ]}
      />
      {correctionFields?.length ? (
        <>
          <Paragraph>{t('acknowledgement.correctionFields')}</Paragraph>
          <DetailList details={correctionFields.map(({ field, shouldBe }) => ({ label: field, value: shouldBe }))} />
        </>
      ) : null}
      <Paragraph>{t('acknowledgement.moreTime', { dueDate })}</Paragraph>
      <Paragraph>{t('acknowledgement.follow')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

AcknowledgementEmail.PreviewProps = previewProps;

export default AcknowledgementEmail;
