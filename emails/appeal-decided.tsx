import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { MessageText } from './components/message-text';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

export const ZAppealDecidedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  appealedReference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  outcome: z.enum(['granted', 'denied']),
  message: ZMessageText,
  /** Where the law asks a denied appeal to say how to complain to the attorney general (e.g. Va. Code §59.1-578(C)); null otherwise. */
  regulatorContact: ZSingleLineText.nullable(),
  statusUrl: ZLinkUrl,
});

export type TAppealDecidedEmailProps = z.infer<typeof ZAppealDecidedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000140',
  appealedReference: 'DSR-2026-000123',
  requestTypeLabel: 'Access — a copy of my personal data',
  outcome: 'denied',
  message: 'We looked at the decision again. The records you asked for are held for a fraud investigation and are exempt.',
  regulatorContact:
    'Office of the Attorney General of Virginia, Consumer Protection Section: https://www.oag.state.va.us/consumer-protection/',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
} satisfies TAppealDecidedEmailProps;

export function subject({ appealedReference, outcome }: TAppealDecidedEmailProps): string {
  return outcome === 'granted' ? `Your appeal about ${appealedReference} was granted` : `Your appeal about ${appealedReference} was denied`;
}

export function AppealDecidedEmail({
  organisationName,
  reference,
  appealedReference,
  requestTypeLabel,
  outcome,
  message,
  regulatorContact,
  statusUrl,
}: TAppealDecidedEmailProps) {
  const isGranted = outcome === 'granted';
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has decided your appeal ${reference}.`}
      heading={isGranted ? 'Your appeal was granted' : 'Your appeal was denied'}
    >
      <Paragraph>
        {isGranted
          ? `${organisationName} has reviewed its decision and will now act on your request ${appealedReference}.`
          : `${organisationName} has reviewed its decision on your request ${appealedReference} and is keeping it.`}
      </Paragraph>
      <DetailList
        details={[
          { label: 'Appeal', value: reference },
          { label: 'Request', value: `${appealedReference} (${requestTypeLabel})` },
        ]}
      />
      <MessageText text={message} />
      {!isGranted && regulatorContact ? (
        <Paragraph>If you are not satisfied, you can complain to the attorney general: {regulatorContact}</Paragraph>
      ) : null}
      <Paragraph>You can see your request and its history on its status page:</Paragraph>
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request.</Paragraph>
    </EmailLayout>
  );
}

AppealDecidedEmail.PreviewProps = previewProps;

export default AppealDecidedEmail;
