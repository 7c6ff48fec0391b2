import { useTranslations } from 'use-intl';
import { z } from 'zod';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

/**
 * To a processor or other recipient of the data (GDPR Art. 19): correct this person's data as the
 * requester asked, then confirm it (or say you hold nothing) at the link. Only what the processor
 * needs: whom (the email it searches by) and the correction asked for. A reminder is the same email with `isReminder`.
 * Its texts are in every language (messages/<language>.json); it is sent in English unless its payload names a
 * language, as a vendor's language is not the requester's.
 */
export const ZProcessorCorrectionRequestEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  vendorName: ZSingleLineText,
  reference: ZSingleLineText,
  /** Whose data: the requester's email as the organisation holds it (the processor searches by it). */
  subjectEmail: ZSingleLineText,
  /** The correction the requester asked for, in their words. */
  correction: ZMessageText,
  answerUrl: ZLinkUrl,
  answerBy: ZCalendarDate,
  isReminder: z.boolean(),
});

export type TProcessorCorrectionRequestEmailProps = z.infer<typeof ZProcessorCorrectionRequestEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  vendorName: 'Mailfleet Ltd',
  reference: 'DSR-2026-000123',
  subjectEmail: 'ada@example.com',
  correction: 'My surname is Lovelace, not Lovelance.',
  answerUrl: 'https://privacy.example.com/processor/Hs7pK2mQ9xVt4RcL0eWz',
  answerBy: '2026-06-16',
  isReminder: false,
} satisfies TProcessorCorrectionRequestEmailProps;

export function subject({ organisationName, reference, isReminder }: TProcessorCorrectionRequestEmailProps, t: Translator): string {
  return t('emails.processorCorrectionRequest.subject', { organisationName, reference, isReminder: String(isReminder) });
}

export function ProcessorCorrectionRequestEmail({
  organisationName,
  vendorName,
  reference,
  subjectEmail,
  correction,
  answerUrl,
  answerBy,
  isReminder,
}: TProcessorCorrectionRequestEmailProps) {
  const t = useTranslations('emails');
  const reminder = String(isReminder);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('processorCorrectionRequest.preview', { organisationName, vendorName, reference })}
      heading={t('processorCorrectionRequest.heading', { isReminder: reminder })}
    >
      <Paragraph>{t('processorCorrectionRequest.intro', { organisationName, vendorName, isReminder: reminder })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('processorCorrectionRequest.subjectEmail'), value: subjectEmail },
          { label: t('processorCorrectionRequest.answerBy'), value: answerBy },
        ]}
      />
      <Paragraph>{t('processorCorrectionRequest.correctionLead')}</Paragraph>
      <MessageText text={correction} />
      <ButtonLink href={answerUrl}>{t('processorCorrectionRequest.button')}</ButtonLink>
      <Paragraph>{t('processorCorrectionRequest.outro', { answerBy })}</Paragraph>
    </EmailLayout>
  );
}

ProcessorCorrectionRequestEmail.PreviewProps = previewProps;

export default ProcessorCorrectionRequestEmail;
