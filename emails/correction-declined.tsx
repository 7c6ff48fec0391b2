import type { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZRequestRejectedEmailProps } from './request-rejected';
import { formatCalendarDate } from './format-calendar-date';

/** The same facts as any refusal; the words are a correction's (the data stays as it is, and what the requester can still do). */
export const ZCorrectionDeclinedEmailProps = ZRequestRejectedEmailProps;

export type TCorrectionDeclinedEmailProps = z.infer<typeof ZCorrectionDeclinedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Correction — correct personal data that is wrong',
  basisLabel: 'An exemption in the law applies',
  message: 'Our records match the passport you showed us when you opened your account: the date of birth we hold is accurate.',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  appealUntil: '2027-02-15',
} satisfies TCorrectionDeclinedEmailProps;

export function subject({ reference }: TCorrectionDeclinedEmailProps): string {
  return `We have not changed your data (${reference})`;
}

export function CorrectionDeclinedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  basisLabel,
  message,
  statusUrl,
  appealUntil,
}: TCorrectionDeclinedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has not changed your data (${reference}).`}
      heading="We have not changed your data"
    >
      <Paragraph>{organisationName} has reviewed your correction request and has not changed the data it holds about you.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Reason', value: basisLabel },
        ]}
      />
      {message !== null && <MessageText text={message} />}
      {/* CCPA regulations, 11 CCR §7023(f): a consumer whose correction is denied may send a written statement
          of up to 250 words, kept with the contested data. GDPR Art. 16 speaks of a supplementary statement. */}
      <Paragraph>
        If you still think the data is wrong, you can send us a short written statement (up to 250 words) saying why, and we will keep it
        with the data you contest.
      </Paragraph>
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
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request.</Paragraph>
    </EmailLayout>
  );
}

CorrectionDeclinedEmail.PreviewProps = previewProps;

export default CorrectionDeclinedEmail;
