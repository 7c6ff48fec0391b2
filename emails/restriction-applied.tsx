import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZRestrictionAppliedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  /** The agent's closing message: what was done, where. */
  message: ZMessageText,
  statusUrl: ZLinkUrl,
});

export type TRestrictionAppliedEmailProps = z.infer<typeof ZRestrictionAppliedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Restriction — stop using my data for now, but keep it',
  message: 'Your account is marked restricted in our shop and our customer database while we check the address you say is wrong.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TRestrictionAppliedEmailProps;

export function subject({ reference }: TRestrictionAppliedEmailProps): string {
  return `We have restricted the use of your data (${reference})`;
}

export function RestrictionAppliedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
}: TRestrictionAppliedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has restricted the use of your data (${reference}).`}
      heading="We have restricted the use of your data"
    >
      {/* GDPR Art. 18(2) says what restricted data may still be used for; Art. 18(3) that the person is told before it is lifted. */}
      <Paragraph>
        {organisationName} has restricted the use of your personal data: we keep it, but apart from storing it we use it only with your
        consent, for legal claims, to protect the rights of another person, or for reasons of important public interest. We will tell you
        before we lift the restriction.
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

RestrictionAppliedEmail.PreviewProps = previewProps;

export default RestrictionAppliedEmail;
