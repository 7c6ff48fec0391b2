import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZCalendarDate, ZLinkUrl, ZSingleLineText } from './fields';
import { formatCalendarDate } from './format-calendar-date';

export const ZRequestOverdueEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  dueOn: ZCalendarDate,
  /** Null when nobody is assigned, which is often why the request is late. */
  assigneeName: ZSingleLineText.nullable(),
  requestUrl: ZLinkUrl,
});

export type TRequestOverdueEmailProps = z.infer<typeof ZRequestOverdueEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  dueOn: '2026-12-25',
  assigneeName: 'Tomás Alvarez',
  requestUrl: 'https://privacy.example.com/staff/requests/DSR-2026-000123',
} satisfies TRequestOverdueEmailProps;

export function subject({ reference, dueOn }: TRequestOverdueEmailProps): string {
  return `Overdue: ${reference} was due ${formatCalendarDate(dueOn)}`;
}

export function RequestOverdueEmail({
  organisationName,
  reference,
  requestTypeLabel,
  dueOn,
  assigneeName,
  requestUrl,
}: TRequestOverdueEmailProps) {
  const dueDate = formatCalendarDate(dueOn);
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${reference} passed its deadline on ${dueDate} without a response.`}
      heading="A request is overdue"
      footer={<>You are receiving this because you are an administrator of the {organisationName} privacy desk.</>}
    >
      <Paragraph>
        The request below passed its deadline on {dueDate} without a response. Answer it, or tell the requester why it is late, as soon as
        you can: a late answer can be the subject of a complaint to a regulator.
      </Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
          { label: 'Was due on', value: dueDate },
          { label: 'Assigned to', value: assigneeName ?? 'Nobody' },
        ]}
      />
      <ButtonLink href={requestUrl}>Open the request</ButtonLink>
    </EmailLayout>
  );
}

RequestOverdueEmail.PreviewProps = previewProps;

export default RequestOverdueEmail;
