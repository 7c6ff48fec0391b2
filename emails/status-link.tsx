import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZStatusLinkEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
});

export type TStatusLinkEmailProps = z.infer<typeof ZStatusLinkEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TStatusLinkEmailProps;

export function subject({ reference }: TStatusLinkEmailProps, t: Translator): string {
  return t('emails.statusLink.subject', { reference });
}

export function StatusLinkEmail({ organisationName, reference, requestTypeLabel, statusUrl }: TStatusLinkEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout organisationName={organisationName} preview={t('statusLink.preview', { reference })} heading={t('statusLink.heading')}>
      <Paragraph>{t('statusLink.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

StatusLinkEmail.PreviewProps = previewProps;

export default StatusLinkEmail;
