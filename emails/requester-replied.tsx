import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

/** To the assignee when the requester answers a question. The reply itself stays in the app (it is personal data). */
export const ZRequesterRepliedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  requestUrl: ZLinkUrl,
});

export type TRequesterRepliedEmailProps = z.infer<typeof ZRequesterRepliedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  requestUrl: 'https://privacy.example.com/staff/requests/DSR-2026-000123',
} satisfies TRequesterRepliedEmailProps;

export function subject({ reference }: TRequesterRepliedEmailProps): string {
  return `The requester replied on ${reference}`;
}

export function RequesterRepliedEmail({ organisationName, reference, requestTypeLabel, requestUrl }: TRequesterRepliedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${reference} is back in progress: the requester answered your question.`}
      heading="The requester replied"
      footer={<>You are receiving this because you are assigned to this request on the {organisationName} privacy desk.</>}
    >
      <Paragraph>
        The requester answered the question on the request below. It is back in progress and the deadline clock runs again. Read the reply
        on the request page.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <ButtonLink href={requestUrl}>Open the request</ButtonLink>
    </EmailLayout>
  );
}

RequesterRepliedEmail.PreviewProps = previewProps;

export default RequesterRepliedEmail;
