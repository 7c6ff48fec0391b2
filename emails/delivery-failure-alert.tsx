import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZDeliveryFailureAlertEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  /** Null when the failing email was to a staff member (a sign-in link or an invitation), not about a request. */
  reference: ZSingleLineText.nullable(),
  template: ZSingleLineText,
  attempts: z.number().int().positive(),
  /** The transport's last error, on one line; the caller cuts it to 200 characters. */
  lastError: ZSingleLineText,
  requestUrl: ZLinkUrl.nullable(),
  /** How many emails keep failing (a digest); the other fields describe the oldest. Absent in alerts queued before digests. */
  failingCount: z.number().int().positive().optional(),
});

export type TDeliveryFailureAlertEmailProps = z.infer<typeof ZDeliveryFailureAlertEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  template: 'acknowledgement',
  attempts: 5,
  lastError: '550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table',
  requestUrl: 'https://privacy.example.com/staff/requests/DSR-2026-000123',
} satisfies TDeliveryFailureAlertEmailProps;

export function subject({ reference, failingCount = 1 }: TDeliveryFailureAlertEmailProps): string {
  if (failingCount > 1) return `Email delivery keeps failing: ${failingCount} emails`;
  return reference === null ? 'Email delivery keeps failing' : `Email delivery keeps failing for ${reference}`;
}

export function DeliveryFailureAlertEmail({
  organisationName,
  reference,
  template,
  attempts,
  lastError,
  requestUrl,
  failingCount = 1,
}: TDeliveryFailureAlertEmailProps) {
  const tries = `${attempts} ${attempts === 1 ? 'time' : 'times'}`;
  const recipient = reference === null ? 'The staff member' : 'The requester';
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`The ${template} email failed ${tries}. Last error: ${lastError}`}
      heading={failingCount > 1 ? `${failingCount} emails could not be delivered` : 'An email could not be delivered'}
      footer={<>You are receiving this because you are an administrator of the {organisationName} privacy desk.</>}
    >
      {failingCount > 1 ? (
        <Paragraph>
          {failingCount} emails keep failing; the privacy desk keeps retrying them. This is the only alert for the next hour. The oldest:
        </Paragraph>
      ) : (
        <Paragraph>
          The privacy desk tried to send an email {tries} and every attempt failed. {recipient} may be waiting for it.
        </Paragraph>
      )}
      <DetailList
        details={[
          ...(reference === null ? [] : [{ label: 'Reference', value: reference }]),
          { label: 'Email', value: template },
          { label: 'Attempts', value: String(attempts) },
          { label: 'Last error', value: lastError },
        ]}
      />
      <Paragraph>Check the mail server settings and the recipient&apos;s address.</Paragraph>
      {requestUrl !== null && <ButtonLink href={requestUrl}>Open the request</ButtonLink>}
    </EmailLayout>
  );
}

DeliveryFailureAlertEmail.PreviewProps = previewProps;

export default DeliveryFailureAlertEmail;
