import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZStaffInvitationEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  inviterName: ZSingleLineText,
  roleLabel: ZSingleLineText,
  /** The sign-in page, not a sign-in link: the invitation may sit unread for days, so it carries no token. */
  signInUrl: ZLinkUrl,
});

export type TStaffInvitationEmailProps = z.infer<typeof ZStaffInvitationEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  inviterName: 'Priya Raman',
  roleLabel: 'Privacy agent',
  signInUrl: 'https://privacy.example.com/staff/sign-in',
} satisfies TStaffInvitationEmailProps;

export function subject({ organisationName }: TStaffInvitationEmailProps): string {
  return `You have been invited to the ${organisationName} privacy desk`;
}

export function StaffInvitationEmail({ organisationName, inviterName, roleLabel, signInUrl }: TStaffInvitationEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${inviterName} invited you to handle privacy requests for ${organisationName}.`}
      heading="You have been invited to the privacy desk"
      footer={
        <>
          You are receiving this because {inviterName} invited this address to the {organisationName} privacy desk.
        </>
      }
    >
      <Paragraph>
        {inviterName} invited you to the {organisationName} privacy desk, where the team handles people&apos;s requests to see, export or
        delete their personal data.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Invited by', value: inviterName },
          { label: 'Your role', value: roleLabel },
        ]}
      />
      <Paragraph>To accept, open the sign-in page and enter this email address. We will email you a link that signs you in.</Paragraph>
      <ButtonLink href={signInUrl}>Go to the sign-in page</ButtonLink>
      <Paragraph>If you weren&apos;t expecting this invitation, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

StaffInvitationEmail.PreviewProps = previewProps;

export default StaffInvitationEmail;
