import { z } from 'zod';
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

export function subject({ organisationName, reference, isReminder }: TProcessorCorrectionRequestEmailProps): string {
  return `${isReminder ? 'Reminder: ' : ''}Correction request from ${organisationName} (${reference})`;
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
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} asks ${vendorName} to correct a person's data (${reference}).`}
      heading={isReminder ? 'Reminder: please confirm a correction' : 'Please correct a person’s data'}
    >
      <Paragraph>
        {isReminder ? 'We have not yet heard back about this request. ' : ''}A person has asked {organisationName} to correct their
        personal data. As {vendorName} processes data for us, we ask you to make the same correction (GDPR Article 19) and to confirm when
        it is done.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'The person’s email', value: subjectEmail },
          { label: 'Please answer by', value: answerBy },
        ]}
      />
      <Paragraph>The correction they asked for:</Paragraph>
      <MessageText text={correction} />
      <ButtonLink href={answerUrl}>Confirm correction</ButtonLink>
      <Paragraph>
        On that page you confirm the data is corrected, or tell us you hold nothing about this person. The link works once and expires on{' '}
        {answerBy}. Do not forward it.
      </Paragraph>
    </EmailLayout>
  );
}

ProcessorCorrectionRequestEmail.PreviewProps = previewProps;

export default ProcessorCorrectionRequestEmail;
