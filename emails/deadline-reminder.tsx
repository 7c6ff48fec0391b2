import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZDeadlineReminderEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  dueOn: ZCalendarDate,
  daysLeft: z.number().int().nonnegative(),
  requestUrl: ZLinkUrl,
});

export type TDeadlineReminderEmailProps = z.infer<typeof ZDeadlineReminderEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  dueOn: '2026-12-25',
  daysLeft: 7,
  requestUrl: 'https://privacy.example.com/staff/requests/DSR-2026-000123',
} satisfies TDeadlineReminderEmailProps;

export function subject({ reference, daysLeft }: TDeadlineReminderEmailProps): string {
  return `${reference} is due ${dueIn(daysLeft)}`;
}

export function DeadlineReminderEmail({
  organisationName,
  reference,
  requestTypeLabel,
  dueOn,
  daysLeft,
  requestUrl,
}: TDeadlineReminderEmailProps) {
  const dueDate = formatCalendarDate(dueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${reference} must be answered by ${dueDate}.`}
      heading={`A request you are handling is due ${dueIn(daysLeft)}`}
      footer={<>You are receiving this because you are assigned to this request on the {organisationName} privacy desk.</>}
    >
      <Paragraph>
        The request below must be answered by {dueDate}. If you cannot finish in time and the law allows it, extend the deadline and tell
        the requester before it passes.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Due on', value: dueDate },
        ]}
      />
      <ButtonLink href={requestUrl}>Open the request</ButtonLink>
    </EmailLayout>
  );
}

function dueIn(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  return `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
}

DeadlineReminderEmail.PreviewProps = previewProps;

export default DeadlineReminderEmail;
