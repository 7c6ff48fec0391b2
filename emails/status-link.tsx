import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZStatusLinkEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
});

export type TStatusLinkEmailProps = z.infer<typeof ZStatusLinkEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TStatusLinkEmailProps;

export function subject({ reference }: TStatusLinkEmailProps): string {
  return `Your open request ${reference}`;
}

export function StatusLinkEmail({ organisationName, reference, requestTypeLabel, statusUrl }: TStatusLinkEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`Your request ${reference} is still open. Follow it here.`}
      heading="You already have an open request"
    >
      <Paragraph>
        You already have an open request of this type with {organisationName}; we did not create a second one. Follow it here.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see and cancel your request.</Paragraph>
    </EmailLayout>
  );
}

StatusLinkEmail.PreviewProps = previewProps;

export default StatusLinkEmail;
