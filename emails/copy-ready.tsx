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

/** A deletion with a copy first: the copy is ready, and the erasure follows once it is downloaded or on `erasureOn`. */
export const ZCopyReadyEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  message: ZMessageText,
  statusUrl: ZLinkUrl,
  downloadExpiresOn: ZCalendarDate,
  /** The day the erasure may go ahead even without a download (the organisation's copy wait after the release). */
  erasureOn: ZCalendarDate,
});

export type TCopyReadyEmailProps = z.infer<typeof ZCopyReadyEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  message: 'As you asked, here is a copy of everything our shop holds about you before we erase it.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  downloadExpiresOn: '2027-01-08',
  erasureOn: '2027-01-08',
} satisfies TCopyReadyEmailProps;

export function subject({ reference }: TCopyReadyEmailProps, t: Translator): string {
  return t('emails.copyReady.subject', { reference });
}

export function CopyReadyEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
  downloadExpiresOn,
  erasureOn,
}: TCopyReadyEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('copyReady.preview', { organisationName, reference })}
      heading={t('copyReady.heading')}
    >
      <Paragraph>{t('copyReady.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      <Paragraph>{t('copyReady.downloadUntil', { until: formatCalendarDateIn(locale, downloadExpiresOn) })}</Paragraph>
      <Paragraph>{t('copyReady.erasureFollows', { date: formatCalendarDateIn(locale, erasureOn) })}</Paragraph>
      <ButtonLink href={statusUrl}>{t('copyReady.downloadButton')}</ButtonLink>
      <Paragraph>{t('copyReady.keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

CopyReadyEmail.PreviewProps = previewProps;

export default CopyReadyEmail;
