import { z } from 'zod';
import * as acknowledgement from './acknowledgement';
import * as cancellation from './cancellation';
import * as statusLink from './status-link';
import * as verification from './verification';

export const emailTemplates = {
  verification: {
    schema: verification.ZVerificationEmailProps,
    subject: verification.subject,
    Component: verification.VerificationEmail,
  },
  acknowledgement: {
    schema: acknowledgement.ZAcknowledgementEmailProps,
    subject: acknowledgement.subject,
    Component: acknowledgement.AcknowledgementEmail,
  },
  'status-link': {
    schema: statusLink.ZStatusLinkEmailProps,
    subject: statusLink.subject,
    Component: statusLink.StatusLinkEmail,
  },
  cancellation: {
    schema: cancellation.ZCancellationEmailProps,
    subject: cancellation.subject,
    Component: cancellation.CancellationEmail,
  },
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;

export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailTemplates)[N]['schema']>;

// The outbox stores payloads and renders them later, possibly after a deploy. When a template's props change
// incompatibly, add a `version: 2` entry beside the old one instead of editing it, so rows already queued still parse.
function payloadSchema<N extends EmailTemplateName>(template: N) {
  return z.strictObject({
    template: z.literal(template),
    version: z.literal(1),
    props: emailTemplates[template].schema,
  });
}

export const ZEmailPayload = z.discriminatedUnion('template', [
  payloadSchema('verification'),
  payloadSchema('acknowledgement'),
  payloadSchema('status-link'),
  payloadSchema('cancellation'),
]);

export type TEmailPayload = z.infer<typeof ZEmailPayload>;
