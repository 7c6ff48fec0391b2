import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZAcknowledgementEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  receivedOn: ZCalendarDate,
  dueOn: ZCalendarDate,
  jurisdictionLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
});

export type TAcknowledgementEmailProps = z.infer<typeof ZAcknowledgementEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  receivedOn: '2026-11-25',
  dueOn: '2026-12-25',
  jurisdictionLabel: 'GDPR (European Union)',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TAcknowledgementEmailProps;

export function subject({ reference }: TAcknowledgementEmailProps): string {
  return `We received your request ${reference}`;
}

export function AcknowledgementEmail({
  organisationName,
  reference,
  requestTypeLabel,
  receivedOn,
  dueOn,
  jurisdictionLabel,
  statusUrl,
}: TAcknowledgementEmailProps) {
  const dueDate = formatCalendarDate(dueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`Your reference is ${reference}. We will respond by ${dueDate}.`}
      heading="We received your request"
    >
      <Paragraph>Thank you. Your request is confirmed and {organisationName} has started working on it.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Received on', value: formatCalendarDate(receivedOn) },
          { label: 'We will respond by', value: dueDate },
          { label: 'Handled under', value: jurisdictionLabel },
        ]}
      />
      <Paragraph>
        If we need more time, which the law allows for complex requests, we will tell you before {dueDate} and explain why.
      </Paragraph>
      <Paragraph>You can follow your request, or cancel it if you change your mind, on its status page:</Paragraph>
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see and cancel your request.</Paragraph>
    </EmailLayout>
  );
}

AcknowledgementEmail.PreviewProps = previewProps;

export default AcknowledgementEmail;
