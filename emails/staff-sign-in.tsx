import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZStaffSignInEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  signInUrl: ZLinkUrl,
  expiresInMinutes: z.number().int().positive(),
});

export type TStaffSignInEmailProps = z.infer<typeof ZStaffSignInEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  signInUrl:
    'https://privacy.example.com/api/auth/callback/email?callbackUrl=https%3A%2F%2Fprivacy.example.com%2Fstaff&token=5f0c9a7e2b4d8e1f3a6c&email=priya.raman%40northwind.example',
  expiresInMinutes: 15,
} satisfies TStaffSignInEmailProps;

export function subject({ organisationName }: TStaffSignInEmailProps): string {
  return `Sign in to ${organisationName} privacy desk`;
}

export function StaffSignInEmail({ organisationName, signInUrl, expiresInMinutes }: TStaffSignInEmailProps) {
  const lifetime = `${expiresInMinutes} ${expiresInMinutes === 1 ? 'minute' : 'minutes'}`;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`Your sign-in link works once and expires in ${lifetime}.`}
      heading="Sign in to the privacy desk"
      footer={<>You are receiving this because someone asked to sign in to the {organisationName} privacy desk with this address.</>}
    >
      <Paragraph>Use the button below to sign in to the {organisationName} privacy desk.</Paragraph>
      <ButtonLink href={signInUrl}>Sign in</ButtonLink>
      <Paragraph>The link expires in {lifetime} and works only once. If it has expired, ask for a new one on the sign-in page.</Paragraph>
      <Paragraph>
        If you didn&apos;t try to sign in, ignore this email: nobody can sign in without the link. Don&apos;t forward it.
      </Paragraph>
    </EmailLayout>
  );
}

StaffSignInEmail.PreviewProps = previewProps;

export default StaffSignInEmail;
