import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZVerificationEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  verifyUrl: ZLinkUrl,
  expiresInHours: z.number().int().positive(),
  /** Set when an authorised agent filed the request: the person confirms it themselves (CCPA §7063(a)). */
  agentName: ZSingleLineText.optional(),
});

export type TVerificationEmailProps = z.infer<typeof ZVerificationEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  requestTypeLabel: 'Access — a copy of my personal data',
  verifyUrl: 'https://privacy.example.com/verify/q8Zr3kT1vN0aWbX5yLm2',
  expiresInHours: 24,
} satisfies TVerificationEmailProps;

export function subject(_props: TVerificationEmailProps, t: Translator): string {
  return t('emails.verification.subject');
}

export function VerificationEmail({ organisationName, requestTypeLabel, verifyUrl, expiresInHours, agentName }: TVerificationEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('verification.preview', { hours: expiresInHours })}
      heading={t('verification.heading')}
    >
      <Paragraph>{t('verification.intro', { organisationName })}</Paragraph>
      {agentName ? <Paragraph>{t('verification.agentNote', { agentName })}</Paragraph> : null}
      <DetailList details={[{ label: t('details.request'), value: requestTypeLabel }]} />
      <Paragraph>{t('verification.instructions', { hours: expiresInHours })}</Paragraph>
      <ButtonLink href={verifyUrl}>{t('verification.button')}</ButtonLink>
      <Paragraph>{t('verification.ignore')}</Paragraph>
    </EmailLayout>
  );
}

VerificationEmail.PreviewProps = previewProps;

export default VerificationEmail;
