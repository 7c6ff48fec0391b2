import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZAppealDecidedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  appealedReference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  outcome: z.enum(['granted', 'denied']),
  message: ZMessageText,
  /** Where the law asks a denied appeal to say how to complain to the attorney general (e.g. Va. Code §59.1-578(C)); null otherwise. */
  regulatorContact: ZSingleLineText.nullable(),
  statusUrl: ZLinkUrl,
});

export type TAppealDecidedEmailProps = z.infer<typeof ZAppealDecidedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000140',
  appealedReference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  outcome: 'denied',
  message: 'We looked at the decision again. The records you asked for are held for a fraud investigation and are exempt.',
  regulatorContact:
    'Office of the Attorney General of Virginia, Consumer Protection Section: https://www.oag.state.va.us/consumer-protection/',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TAppealDecidedEmailProps;

export function subject({ appealedReference, outcome }: TAppealDecidedEmailProps, t: Translator): string {
  return t('emails.appealDecided.subject', { appealedReference, outcome });
}

export function AppealDecidedEmail({
  organisationName,
  reference,
  appealedReference,
  requestTypeLabel,
  outcome,
  message,
  regulatorContact,
  statusUrl,
}: TAppealDecidedEmailProps) {
  const t = useTranslations('emails');
  const isGranted = outcome === 'granted';
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('appealDecided.preview', { organisationName, reference })}
      heading={t('appealDecided.heading', { outcome })}
    >
      <Paragraph>{t('appealDecided.intro', { outcome, organisationName, appealedReference })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.appeal'), value: reference },
          { label: t('details.request'), value: t('appealDecided.requestValue', { appealedReference, requestTypeLabel }) },
        ]}
      />
      <MessageText text={message} />
      {!isGranted && regulatorContact ? <Paragraph>{t('appealDecided.complain', { regulatorContact })}</Paragraph> : null}
      <Paragraph>{t('requestRejected.history')}</Paragraph>
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
      <Paragraph>{t('keepPrivateSee')}</Paragraph>
    </EmailLayout>
  );
}

AppealDecidedEmail.PreviewProps = previewProps;

export default AppealDecidedEmail;
