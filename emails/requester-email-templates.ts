import type { EmailTemplateName } from './templates';
/**
 * The emails a requester reads: written in the request's language. The rest go to staff and stay English.
 * A new requester email is added here too (and its texts to messages/<language>.json under `emails`).
 */
// Its own module, holding names only: enqueueEmail (imported by server components) must not pull the templates in.
export const requesterEmailTemplates: ReadonlySet<EmailTemplateName> = new Set<EmailTemplateName>([
  'verification',
  'acknowledgement',
  'appeal-decided',
  'status-link',
  'status-links',
  'cancellation',
  'information-requested',
  'deadline-extended',
  'request-fulfilled',
  'copy-ready',
  'request-rejected',
  'erasure-confirmed',
  'correction-applied',
  'correction-declined',
  'objection-upheld',
  'opt-out-confirmed',
  'restriction-applied',
]);
