import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZCorrectionAppliedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TCorrectionAppliedEmailProps = z.infer<typeof ZCorrectionAppliedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Correction — correct personal data that is wrong',
  message: 'We changed the surname on your customer account and your two delivery addresses from Lovelance to Lovelace.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TCorrectionAppliedEmailProps;

export function subject({ reference }: TCorrectionAppliedEmailProps): string {
  return `We have corrected your data (${reference})`;
}

export function CorrectionAppliedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
}: TCorrectionAppliedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has corrected your data (${reference}).`}
      heading="We have corrected your data"
    >
      <Paragraph>{organisationName} has corrected the personal data you told us was wrong.</Paragraph>
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

CorrectionAppliedEmail.PreviewProps = previewProps;

export default CorrectionAppliedEmail;
