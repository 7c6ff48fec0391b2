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

export const ZDeadlineExtendedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  previousDueOn: ZCalendarDate,
  newDueOn: ZCalendarDate,
  reason: ZMessageText,
  /** The provision that allows the extension, e.g. "GDPR Art. 12(3)": the requester is owed the reason and the rule. */
  legalBasis: ZSingleLineText,
  statusUrl: ZLinkUrl,
});

export type TDeadlineExtendedEmailProps = z.infer<typeof ZDeadlineExtendedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  previousDueOn: '2026-12-25',
  newDueOn: '2027-02-25',
  reason:
    'Your request covers eight years of orders, support conversations and call recordings held in three ' +
    'separate systems.\n\nWe need to review the call recordings to remove other people’s personal data before we ' +
    'can send them to you.',
  legalBasis: 'GDPR Art. 12(3)',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TDeadlineExtendedEmailProps;

export function subject({ reference }: TDeadlineExtendedEmailProps, t: Translator): string {
  return t('emails.deadlineExtended.subject', { reference });
}

export function DeadlineExtendedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  previousDueOn,
  newDueOn,
  reason,
  legalBasis,
  statusUrl,
}: TDeadlineExtendedEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  const newDueDate = formatCalendarDateIn(locale, newDueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('deadlineExtended.preview', { reference, dueDate: newDueDate })}
      heading={t('deadlineExtended.heading')}
    >
      <Paragraph>{t('deadlineExtended.intro', { organisationName, legalBasis })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
          { label: t('details.previousDeadline'), value: formatCalendarDateIn(locale, previousDueOn) },
          { label: t('details.newRespondBy'), value: newDueDate },
        ]}
      />
      <Paragraph>{t('deadlineExtended.why')}</Paragraph>
      <MessageText text={reason} />
      <Paragraph>{t('deadlineExtended.follow')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

DeadlineExtendedEmail.PreviewProps = previewProps;

export default DeadlineExtendedEmail;
