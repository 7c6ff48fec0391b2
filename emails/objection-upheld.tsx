import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZObjectionUpheldEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TObjectionUpheldEmailProps = z.infer<typeof ZObjectionUpheldEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Objection — stop processing my data for a purpose I object to (including direct marketing)',
  message: 'We no longer use your purchase history to profile you for marketing, and you will receive no more marketing from us.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TObjectionUpheldEmailProps;

export function subject({ reference }: TObjectionUpheldEmailProps): string {
  return `We have stopped using your data as you asked (${reference})`;
}

export function ObjectionUpheldEmail({ organisationName, reference, requestTypeLabel, message, statusUrl }: TObjectionUpheldEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has stopped using your data as you asked (${reference}).`}
      heading="We have stopped using your data as you asked"
    >
      <Paragraph>
        {organisationName} has upheld your objection and stopped using your personal data for the purpose you objected to.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request.</Paragraph>
    </EmailLayout>
  );
}

ObjectionUpheldEmail.PreviewProps = previewProps;

export default ObjectionUpheldEmail;
