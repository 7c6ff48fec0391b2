import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZInformationRequestedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  message: ZMessageText,
  statusUrl: ZLinkUrl,
  isClockStopped: z.boolean(),
});

export type TInformationRequestedEmailProps = z.infer<typeof ZInformationRequestedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  message:
    'Thank you for your request. We hold records under two customer accounts that may be yours.\n\n' +
    'Could you tell us the postcode you used for deliveries, and roughly when you last ordered from us?\n' +
    'That lets us make sure we only send you your own data.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  isClockStopped: true,
} satisfies TInformationRequestedEmailProps;

export function subject({ reference }: TInformationRequestedEmailProps): string {
  return `We need more information about ${reference}`;
}

export function InformationRequestedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
  isClockStopped,
}: TInformationRequestedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has a question about your request ${reference}.`}
      heading="We need more information"
    >
      <Paragraph>{organisationName} needs a little more information before we can finish your request.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <Paragraph>Our message to you:</Paragraph>
      <MessageText text={message} />
      <Paragraph>Please reply on your request&apos;s status page rather than to this email:</Paragraph>
      <ButtonLink href={statusUrl}>Reply on my status page</ButtonLink>
      {isClockStopped && (
        <Paragraph>The deadline for our response is paused until you reply, and starts again from where it stopped when you do.</Paragraph>
      )}
      <Paragraph>Keep this link private: anyone with it can see and cancel your request.</Paragraph>
    </EmailLayout>
  );
}

InformationRequestedEmail.PreviewProps = previewProps;

export default InformationRequestedEmail;
