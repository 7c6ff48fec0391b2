import { Heading } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZMessageText, ZSingleLineText } from './fields';

export const ZIncidentNoticeEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  subject: ZSingleLineText,
  whatHappened: ZMessageText,
  dataInvolved: ZMessageText,
  whatWeDid: ZMessageText,
  whatYouCanDo: ZMessageText,
  contact: ZMessageText,
});

export type TIncidentNoticeEmailProps = z.infer<typeof ZIncidentNoticeEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'INC-2026-0007',
  subject: 'Your customer details may have been seen by someone outside Northwind',
  whatHappened:
    'On 1 December 2026 we found that a file of customer details had been left on a file share that anyone with the link could open, for two days.',
  dataInvolved: 'Your name, email address, phone number and delivery address. No payment details were in the file.',
  whatWeDid: 'We closed the share within an hour of finding it and told the Information Commissioner’s Office.',
  whatYouCanDo: 'Be wary of emails or calls that mention your orders and ask for payment or passwords.',
  contact: 'Our data protection officer, at dpo@northwind.example.',
} satisfies TIncidentNoticeEmailProps;

export function subject({ subject }: TIncidentNoticeEmailProps): string {
  return subject;
}

const sectionHeading = { fontSize: '18px', margin: '24px 0 8px' };

/** To each person a breach affected (GDPR Art. 34): the notice staff wrote and previewed, part by part. */
export function IncidentNoticeEmail({
  organisationName,
  reference,
  whatHappened,
  dataInvolved,
  whatWeDid,
  whatYouCanDo,
  contact,
}: TIncidentNoticeEmailProps) {
  const parts: [string, string][] = [
    ['What happened', whatHappened],
    ['What data of yours was involved', dataInvolved],
    ['What we have done', whatWeDid],
    ['What you can do', whatYouCanDo],
    ['Who to contact', contact],
  ];
  return (
    <EmailLayout
      organisationName={organisationName}
      preview="We are writing to tell you about a personal data breach that affects you."
      heading="A personal data breach that affects you"
      footer={
        <>
          You are receiving this because {organisationName} holds data about you that was involved in incident {reference}.
        </>
      }
    >
      <Paragraph>
        We are writing to tell you about a security incident at {organisationName} that involved personal data about you.
      </Paragraph>
      {parts.map(([title, text]) => (
        <div key={title}>
          <Heading as="h2" style={sectionHeading}>
            {title}
          </Heading>
          <MessageText text={text} />
        </div>
      ))}
    </EmailLayout>
  );
}

IncidentNoticeEmail.PreviewProps = previewProps;

export default IncidentNoticeEmail;
