import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZRequestFulfilledEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  message: ZMessageText,
  statusUrl: ZLinkUrl,
  attachmentCount: z.number().int().nonnegative(),
  /** Null when the files do not expire, or when there are none. */
  downloadExpiresOn: ZCalendarDate.nullable(),
});

export type TRequestFulfilledEmailProps = z.infer<typeof ZRequestFulfilledEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  message:
    'We have finished your request. The files contain your account details, your order history since 2018 and ' +
    'your support conversations.\n\nThe spreadsheet lists each purpose we use your data for and how long we keep ' +
    'it.\nIf anything is unclear, reply on your status page.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  attachmentCount: 3,
  downloadExpiresOn: '2027-01-08',
} satisfies TRequestFulfilledEmailProps;

export function subject({ reference }: TRequestFulfilledEmailProps): string {
  return `Your request ${reference} is complete`;
}

export function RequestFulfilledEmail({
  organisationName,
  reference,
  requestTypeLabel,
  message,
  statusUrl,
  attachmentCount,
  downloadExpiresOn,
}: TRequestFulfilledEmailProps) {
  const files = attachmentCount === 1 ? '1 file is' : `${attachmentCount} files are`;
  const until = downloadExpiresOn === null ? '' : ` until ${formatCalendarDate(downloadExpiresOn)}`;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has completed your request ${reference}.`}
      heading="Your request is complete"
    >
      <Paragraph>{organisationName} has completed your request.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <MessageText text={message} />
      {attachmentCount > 0 && (
        <Paragraph>
          {files} ready to download from your status page{until}.
        </Paragraph>
      )}
      <ButtonLink href={statusUrl}>{attachmentCount > 0 ? 'Download my files' : 'View my request'}</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request and its files.</Paragraph>
    </EmailLayout>
  );
}

RequestFulfilledEmail.PreviewProps = previewProps;

export default RequestFulfilledEmail;
