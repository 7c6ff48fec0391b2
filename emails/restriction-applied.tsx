import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZRestrictionAppliedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TRestrictionAppliedEmailProps = z.infer<typeof ZRestrictionAppliedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Restriction — stop using my data for now, but keep it',
  message: 'Your account is marked restricted in our shop and our customer database while we check the address you say is wrong.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TRestrictionAppliedEmailProps;

export function subject({ reference }: TRestrictionAppliedEmailProps, t: Translator): string {
  return t('emails.restrictionApplied.subject', { reference });
}

export function RestrictionAppliedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
}: TRestrictionAppliedEmailProps) {
  const t = useTranslations('emails');
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('restrictionApplied.preview', { organisationName, reference })}
      heading={t('restrictionApplied.heading')}
    >
      {/* GDPR Art. 18(2) says what restricted data may still be used for; Art. 18(3) that the person is told before it is lifted. */}
      <Paragraph>{t('restrictionApplied.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

RestrictionAppliedEmail.PreviewProps = previewProps;

export default RestrictionAppliedEmail;
