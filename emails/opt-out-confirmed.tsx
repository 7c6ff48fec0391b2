import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZOptOutConfirmedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
  optOut: z.enum(['opt_out_sale', 'opt_out_targeted_ads', 'limit_sensitive', 'marketing_unsubscribe']),
  /** The systems the opt-out was applied in (names only). */
  systems: z.array(ZSingleLineText).min(1).max(100),
});

export type TOptOutConfirmedEmailProps = z.infer<typeof ZOptOutConfirmedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Opt out of sale or sharing — do not sell or share my personal information',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  optOut: 'opt_out_sale',
  systems: ['Shop database', 'Advertising partners (checklist)'],
} satisfies TOptOutConfirmedEmailProps;

export function subject({ reference }: TOptOutConfirmedEmailProps, t: Translator): string {
  return t('emails.optOutConfirmed.subject', { reference });
}

export function OptOutConfirmedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  statusUrl,
  optOut,
  systems,
}: TOptOutConfirmedEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('optOutConfirmed.preview', { organisationName, reference })}
      heading={t('optOutConfirmed.heading')}
    >
      <Paragraph>{t('optOutConfirmed.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      {/* A select on the type, for the reason given in erasure-confirmed.tsx's describeTable. */}
      <Paragraph>{t('optOutConfirmed.outcome', { optOut })}</Paragraph>
      <Paragraph>{t('optOutConfirmed.appliedIn', { systems: systems.join(', ') })}</Paragraph>
      <Paragraph>{t('optOutConfirmed.changeMind')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

OptOutConfirmedEmail.PreviewProps = previewProps;

export default OptOutConfirmedEmail;
