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

export const ZRequestFulfilledEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  message: ZMessageText,
  statusUrl: ZLinkUrl,
  attachmentCount: z.number().int().nonnegative(),
  /** Null when the files do not expire, or when there are none. */
  downloadExpiresOn: ZCalendarDate.nullable(),
});

export type TRequestFulfilledEmailProps = z.infer<typeof ZRequestFulfilledEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  message:
    'We have finished your request. The files contain your account details, your order history since 2018 and ' +
    'your support conversations.\n\nThe spreadsheet lists each purpose we use your data for and how long we keep ' +
    'it.\nIf anything is unclear, reply on your status page.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  attachmentCount: 3,
  downloadExpiresOn: '2027-01-08',
} satisfies TRequestFulfilledEmailProps;

export function subject({ reference }: TRequestFulfilledEmailProps, t: Translator): string {
  return t('emails.requestFulfilled.subject', { reference });
}

export function RequestFulfilledEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
  attachmentCount,
  downloadExpiresOn,
}: TRequestFulfilledEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('requestFulfilled.preview', { organisationName, reference })}
      heading={t('requestFulfilled.heading')}
    >
      <Paragraph>{t('requestFulfilled.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      {attachmentCount > 0 && (
        <Paragraph>
          {downloadExpiresOn === null
            ? t('requestFulfilled.files', { count: attachmentCount })
            : t('requestFulfilled.filesUntil', { count: attachmentCount, until: formatCalendarDateIn(locale, downloadExpiresOn) })}
        </Paragraph>
      )}
      <ButtonLink href={statusUrl}>{attachmentCount > 0 ? t('requestFulfilled.downloadButton') : t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('requestFulfilled.keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

RequestFulfilledEmail.PreviewProps = previewProps;

export default RequestFulfilledEmail;
