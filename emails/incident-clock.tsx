import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';

export const ZIncidentClockEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  title: ZSingleLineText,
  /** 'reminder': the deadline is near; 'overdue': it has passed with no decision recorded. */
  kind: z.enum(['reminder', 'overdue']),
  regimeLabel: ZSingleLineText,
  authority: ZSingleLineText,
  citation: ZSingleLineText,
  /** The deadline written out in the organisation's time zone. */
  deadline: ZSingleLineText,
  timeLeft: ZSingleLineText,
  incidentUrl: ZLinkUrl,
});

export type TIncidentClockEmailProps = z.infer<typeof ZIncidentClockEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'INC-2026-0007',
  title: 'Customer export left on a public file share',
  kind: 'reminder',
  regimeLabel: 'GDPR (EU/EEA)',
  authority: 'the lead supervisory authority',
  citation: 'GDPR Art. 33(1)',
  deadline: '4 December 2026, 23:30 (Europe/Berlin)',
  timeLeft: '24 hours',
  incidentUrl: 'https://privacy.example.com/staff/incidents/INC-2026-0007',
} satisfies TIncidentClockEmailProps;

export function subject({ reference, kind, timeLeft, regimeLabel }: TIncidentClockEmailProps): string {
  return kind === 'overdue'
    ? `Overdue: regulator notice for ${reference} (${regimeLabel})`
    : `${timeLeft} left to notify the regulator of ${reference}`;
}

/** To every admin: a breach's regulator deadline is near or has passed with no decision recorded. */
export function IncidentClockEmail({
  organisationName,
  reference,
  title,
  kind,
  regimeLabel,
  authority,
  citation,
  deadline,
  timeLeft,
  incidentUrl,
}: TIncidentClockEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={kind === 'overdue' ? `The deadline to notify ${authority} has passed.` : `${timeLeft} left to notify ${authority}.`}
      heading={kind === 'overdue' ? 'The regulator deadline has passed' : 'The regulator deadline is near'}
      footer={<>You are receiving this because you are an admin of the {organisationName} privacy desk.</>}
    >
      <Paragraph>
        {kind === 'overdue'
          ? `No decision has been recorded for incident ${reference}, and the deadline to notify ${authority} under ${citation} has passed. Notify them now, with the reasons for the delay, or record why notification is not required.`
          : `Incident ${reference} has no regulator decision yet. Under ${citation}, ${authority} must be notified by the deadline below unless the breach is unlikely to result in a risk to people.`}
      </Paragraph>
      <DetailList
        details={[
          { label: 'Incident', value: `${reference}: ${title}` },
          { label: 'Law', value: regimeLabel },
          { label: 'Deadline', value: deadline },
          { label: kind === 'overdue' ? 'Overdue by' : 'Time left', value: timeLeft },
        ]}
      />
      <ButtonLink href={incidentUrl}>Open the incident</ButtonLink>
    </EmailLayout>
  );
}

IncidentClockEmail.PreviewProps = previewProps;

export default IncidentClockEmail;
