import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { ZLinkUrl, ZSingleLineText } from './fields';
import { optOutOutcomes } from './opt-out-outcomes';

export const ZOptOutConfirmedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
  optOut: z.enum(['opt_out_sale', 'opt_out_targeted_ads', 'limit_sensitive', 'marketing_unsubscribe']),
  /** The systems the opt-out was applied in (names only). */
  systems: z.array(ZSingleLineText).min(1).max(100),
});

export type TOptOutConfirmedEmailProps = z.infer<typeof ZOptOutConfirmedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Opt out of sale or sharing — do not sell or share my personal information',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  optOut: 'opt_out_sale',
  systems: ['Shop database', 'Advertising partners (checklist)'],
} satisfies TOptOutConfirmedEmailProps;

export function subject({ reference }: TOptOutConfirmedEmailProps): string {
  return `Your opt-out ${reference} is done`;
}

export function OptOutConfirmedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  statusUrl,
  optOut,
  systems,
}: TOptOutConfirmedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has applied your opt-out ${reference}.`}
      heading="Your opt-out is done"
    >
      <Paragraph>{organisationName} has applied your opt-out.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      <Paragraph>{optOutOutcomes[optOut]}</Paragraph>
      <Paragraph>We applied it in: {systems.join(', ')}.</Paragraph>
      <Paragraph>You can change your mind at any time by contacting us.</Paragraph>
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
      <Paragraph>Keep this link private: anyone with it can see your request.</Paragraph>
    </EmailLayout>
  );
}

OptOutConfirmedEmail.PreviewProps = previewProps;

export default OptOutConfirmedEmail;
