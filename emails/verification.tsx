import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZVerificationEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  verifyUrl: ZLinkUrl,
  expiresInHours: z.number().int().positive(),
  /** Set when an authorised agent filed the request: the person confirms it themselves (CCPA §7063(a)). */
  agentName: ZSingleLineText.optional(),
});

export type TVerificationEmailProps = z.infer<typeof ZVerificationEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  requestTypeLabel: 'Access — a copy of my personal data',
  verifyUrl: 'https://privacy.example.com/verify/q8Zr3kT1vN0aWbX5yLm2',
  expiresInHours: 24,
} satisfies TVerificationEmailProps;

export function subject(_props: TVerificationEmailProps): string {
  return 'Confirm your privacy request';
}

export function VerificationEmail({ organisationName, requestTypeLabel, verifyUrl, expiresInHours, agentName }: TVerificationEmailProps) {
  const deadline = `${expiresInHours} ${expiresInHours === 1 ? 'hour' : 'hours'}`;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`Confirm within ${deadline} so we can start on your request.`}
      heading="Confirm your privacy request"
    >
      <Paragraph>
        We received a privacy request for {organisationName} made with this email address. Before we act on it, we need to know that it came
        from you.
      </Paragraph>
      {agentName ? (
        <Paragraph>
          {agentName} made this request for you, as your agent. Only confirm it if you asked them to act for you. They will not see your
          data unless you confirm.
        </Paragraph>
      ) : null}
      <DetailList details={[{ label: 'Request', value: requestTypeLabel }]} />
      <Paragraph>
        Open the link below and press “Confirm my request” within {deadline}. After that the link stops working and you would need to make
        the request again.
      </Paragraph>
      <ButtonLink href={verifyUrl}>Review and confirm</ButtonLink>
      <Paragraph>If you didn&apos;t make this request, ignore this email and nothing will happen.</Paragraph>
    </EmailLayout>
  );
}

VerificationEmail.PreviewProps = previewProps;

export default VerificationEmail;
