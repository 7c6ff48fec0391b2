import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZSingleLineText } from './fields';

/**
 * To a processor or other recipient of the data (GDPR Art. 19): erase this person, then confirm
 * it (or say you hold nothing) at the link. A reminder is the same email with `isReminder`.
 */
export const ZProcessorErasureRequestEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  vendorName: ZSingleLineText,
  reference: ZSingleLineText,
  /** Who to erase: the requester's email as the organisation holds it (the processor searches by it). */
  subjectEmail: ZSingleLineText,
  answerUrl: ZLinkUrl,
  answerBy: ZCalendarDate,
  isReminder: z.boolean(),
});

export type TProcessorErasureRequestEmailProps = z.infer<typeof ZProcessorErasureRequestEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  vendorName: 'Mailfleet Ltd',
  reference: 'DSR-2026-000123',
  subjectEmail: 'ada@example.com',
  answerUrl: 'https://privacy.example.com/processor/Hs7pK2mQ9xVt4RcL0eWz',
  answerBy: '2026-06-16',
  isReminder: false,
} satisfies TProcessorErasureRequestEmailProps;

export function subject({ organisationName, reference, isReminder }: TProcessorErasureRequestEmailProps): string {
  return `${isReminder ? 'Reminder: ' : ''}Erasure request from ${organisationName} (${reference})`;
}

export function ProcessorErasureRequestEmail({
  organisationName,
  vendorName,
  reference,
  subjectEmail,
  answerUrl,
  answerBy,
  isReminder,
}: TProcessorErasureRequestEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} asks ${vendorName} to erase a person's data (${reference}).`}
      heading={isReminder ? 'Reminder: please confirm an erasure' : 'Please erase a person’s data'}
    >
      <Paragraph>
        {isReminder ? 'We have not yet heard back about this request. ' : ''}A person has asked {organisationName} to erase their personal
        data. As {vendorName} processes data for us, we ask you to erase it too (GDPR Article 19) and to confirm when it is done.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'The person’s email', value: subjectEmail },
          { label: 'Please answer by', value: answerBy },
        ]}
      />
      <ButtonLink href={answerUrl}>Confirm erasure</ButtonLink>
      <Paragraph>
        On that page you confirm the data is erased, or tell us you hold nothing about this person. The link works once and expires on{' '}
        {answerBy}. Do not forward it.
      </Paragraph>
    </EmailLayout>
  );
}

ProcessorErasureRequestEmail.PreviewProps = previewProps;

export default ProcessorErasureRequestEmail;
