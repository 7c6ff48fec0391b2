import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZSingleLineText } from './fields';

export const ZCancellationEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
});

export type TCancellationEmailProps = z.infer<typeof ZCancellationEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Export — my data in a portable format',
} satisfies TCancellationEmailProps;

export function subject({ reference }: TCancellationEmailProps, t: Translator): string {
  return t('emails.cancellation.subject', { reference });
}

export function CancellationEmail({ organisationName, reference, requestTypeLabel }: TCancellationEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('cancellation.preview', { organisationName, reference })}
      heading={t('cancellation.heading')}
    >
      <Paragraph>{t('cancellation.intro', { organisationName, reference })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <Paragraph>{t('cancellation.newRequest')}</Paragraph>
    </EmailLayout>
  );
}

CancellationEmail.PreviewProps = previewProps;

export default CancellationEmail;
