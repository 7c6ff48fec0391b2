import { z } from 'zod';
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

export function subject({ requests }: TStatusLinksEmailProps): string {
  return requests.length === 1 ? `The link to your request ${requests[0]!.reference}` : `The links to your ${requests.length} requests`;
}

/** Sent by "Find my request": a new private link for each open or recently closed request. */
export function StatusLinksEmail({ organisationName, requests }: TStatusLinksEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={requests.length === 1 ? 'Here is the link to follow your request.' : 'Here are the links to follow your requests.'}
      heading={requests.length === 1 ? 'The link to your request' : 'The links to your requests'}
    >
      <Paragraph>
        You asked us to send the {requests.length === 1 ? 'link' : 'links'} to your privacy {requests.length === 1 ? 'request' : 'requests'}{' '}
        with {organisationName}.
      </Paragraph>
      {requests.map((request) => (
        <div key={request.reference}>
          <DetailList
            details={[
              { label: 'Reference', value: request.reference },
              { label: 'Request', value: request.requestTypeLabel },
              { label: 'Status', value: request.statusLabel },
            ]}
          />
          <ButtonLink href={request.statusUrl}>View {request.reference}</ButtonLink>
        </div>
      ))}
      <Paragraph>
        Keep these links private: anyone with one can see and cancel that request. Earlier links you received still work.
      </Paragraph>
    </EmailLayout>
  );
}

StatusLinksEmail.PreviewProps = previewProps;

export default StatusLinksEmail;
