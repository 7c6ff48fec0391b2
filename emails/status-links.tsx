import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZStatusLinksEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  requests: z
    .array(
      z.strictObject({ reference: ZSingleLineText, requestTypeLabel: ZSingleLineText, statusLabel: ZSingleLineText, statusUrl: ZLinkUrl }),
    )
    .min(1)
    .max(20),
});

export type TStatusLinksEmailProps = z.infer<typeof ZStatusLinksEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  requests: [
    {
      reference: 'DSR-2026-000123',
      requestTypeLabel: 'Access — a copy of my personal data',
      statusLabel: 'In progress',
      statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
    },
    {
      reference: 'DSR-2026-000098',
      requestTypeLabel: 'Deletion — erase my personal data',
      statusLabel: 'Fulfilled',
      statusUrl: 'https://privacy.example.com/status/Qm3vT8sPz1LwY6bN5dKc',
    },
  ],
} satisfies TStatusLinksEmailProps;

export function subject({ requests }: TStatusLinksEmailProps, t: Translator): string {
  return t('emails.statusLinks.subject', { count: requests.length, reference: requests[0]!.reference });
}

/** Sent by "Find my request": a new private link for each open or recently closed request. */
export function StatusLinksEmail({ organisationName, requests }: TStatusLinksEmailProps) {
  const t = useTranslations('emails');
  const count = requests.length;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('statusLinks.preview', { count })}
      heading={t('statusLinks.heading', { count })}
    >
      <Paragraph>{t('statusLinks.intro', { count, organisationName })}</Paragraph>
      {requests.map((request) => (
        <div key={request.reference}>
          <DetailList
            details={[
              { label: t('details.reference'), value: request.reference },
              { label: t('details.request'), value: request.requestTypeLabel },
              { label: t('details.status'), value: request.statusLabel },
            ]}
          />
          <ButtonLink href={request.statusUrl}>{t('statusLinks.view', { reference: request.reference })}</ButtonLink>
        </div>
      ))}
      <Paragraph>{t('statusLinks.keepPrivate')}</Paragraph>
    </EmailLayout>
  );
}

StatusLinksEmail.PreviewProps = previewProps;

export default StatusLinksEmail;
