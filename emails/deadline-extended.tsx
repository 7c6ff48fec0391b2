import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZDeadlineExtendedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  previousDueOn: ZCalendarDate,
  newDueOn: ZCalendarDate,
  reason: ZMessageText,
  /** The provision that allows the extension, e.g. "GDPR Art. 12(3)": the requester is owed the reason and the rule. */
  legalBasis: ZSingleLineText,
  statusUrl: ZLinkUrl,
});

export type TDeadlineExtendedEmailProps = z.infer<typeof ZDeadlineExtendedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  previousDueOn: '2026-12-25',
  newDueOn: '2027-02-25',
  reason:
    'Your request covers eight years of orders, support conversations and call recordings held in three ' +
    'separate systems.\n\nWe need to review the call recordings to remove other people’s personal data before we ' +
    'can send them to you.',
  legalBasis: 'GDPR Art. 12(3)',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TDeadlineExtendedEmailProps;

export function subject({ reference }: TDeadlineExtendedEmailProps): string {
  return `We need more time for ${reference}`;
}

export function DeadlineExtendedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  previousDueOn,
  newDueOn,
  reason,
  legalBasis,
  statusUrl,
}: TDeadlineExtendedEmailProps) {
  const newDueDate = formatCalendarDate(newDueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`We will now respond to ${reference} by ${newDueDate}.`}
      heading="We need more time for your request"
    >
      <Paragraph>
        {organisationName} is still working on your request, but we need more time to complete it. The law allows us to extend the deadline
        when that is necessary, for example for a complex request ({legalBasis}).
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Previous deadline', value: formatCalendarDate(previousDueOn) },
          { label: 'We will now respond by', value: newDueDate },
        ]}
      />
      <Paragraph>Why we need more time:</Paragraph>
      <MessageText text={reason} />
      <Paragraph>You can follow your request on its status page:</Paragraph>
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see and cancel your request.</Paragraph>
    </EmailLayout>
  );
}

DeadlineExtendedEmail.PreviewProps = previewProps;

export default DeadlineExtendedEmail;
