import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZRequestRejectedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  basisLabel: ZSingleLineText,
  message: ZMessageText.nullable(),
  statusUrl: ZLinkUrl,
  /** Where the regime gives an appeal (US state laws): the last day to appeal from the status page. Optional so rows queued before it parse. */
  appealUntil: ZCalendarDate.nullable().optional(),
});

export type TRequestRejectedEmailProps = z.infer<typeof ZRequestRejectedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  basisLabel: 'We could not verify your identity',
  message:
    'We asked twice for the postcode on your account and did not receive a reply within 30 days.\n\n' +
    'You are welcome to make a new request at any time.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TRequestRejectedEmailProps;

export function subject({ reference }: TRequestRejectedEmailProps): string {
  return `Update on your request ${reference}`;
}

export function RequestRejectedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  basisLabel,
  message,
  statusUrl,
  appealUntil,
}: TRequestRejectedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} cannot act on your request ${reference}.`}
      heading="We cannot act on your request"
    >
      <Paragraph>{organisationName} has reviewed your request and cannot act on it.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Reason', value: basisLabel },
        ]}
      />
      {message !== null && <MessageText text={message} />}
      {/* A refusal must give the reason and mention complaint and court: GDPR Art. 12(4),
          https://gdpr-info.eu/art-12-gdpr/ */}
      {appealUntil ? (
        <Paragraph>
          You can appeal this decision until {formatCalendarDate(appealUntil)}: open your status page below and choose Appeal, saying why
          you disagree. A different member of our team will decide your appeal.
        </Paragraph>
      ) : null}
      <Paragraph>
        If you disagree, you have the right to complain to the data protection authority where you live or work, and to seek a remedy
        through the courts.
      </Paragraph>
      <Paragraph>You can see your request and its history on its status page:</Paragraph>
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request.</Paragraph>
    </EmailLayout>
  );
}

RequestRejectedEmail.PreviewProps = previewProps;

export default RequestRejectedEmail;
