import { z } from 'zod';
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

export function subject({ reference }: TCancellationEmailProps): string {
  return `Your request ${reference} was cancelled`;
}

export function CancellationEmail({ organisationName, reference, requestTypeLabel }: TCancellationEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} will take no further action on ${reference}.`}
      heading="Your request was cancelled"
    >
      <Paragraph>
        Your request {reference} has been cancelled. {organisationName} will take no further action on it.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <Paragraph>You can make a new request at any time.</Paragraph>
    </EmailLayout>
  );
}

CancellationEmail.PreviewProps = previewProps;

export default CancellationEmail;
