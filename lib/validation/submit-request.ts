import { z } from 'zod';
import { AGENT_PERMISSION_REQUIRED, requireAgentPermission, ZEvidenceFile } from './evidence-file';
import { requireWhatToCorrect, ZCorrectionAttachments, ZCorrectionFields } from './correction-request';
import { ZJurisdiction } from './jurisdiction';
import { ZRequestType } from './request-type';
import { text } from './text';
import { ZTimeZone } from './time-zone';
import { supportedLocales } from '@/lib/i18n/locales';

export const DETAILS_MAX_LENGTH = 2000;

/** The longest value each field of the form takes: the schema refuses more, and a refused form echoes no more than this back. */
export const submitRequestMaxLengths = {
  type: 20,
  email: 254,
  fullName: 200,
  accountIdentifier: 200,
  details: DETAILS_MAX_LENGTH,
  jurisdiction: 40,
  website: 500,
  agentName: 200,
  agentEmail: 254,
  agentOrganisation: 200,
  timeZone: 64,
} as const;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * zod's own email check with letters, marks and digits of every script allowed (RFC 6531:
 * `zoë@bücher.example`). Such mail goes out with SMTPUTF8, which nodemailer asks for
 * when the server offers it; a server that does not refuses it, and the outbox shows that failure.
 */
const INTERNATIONAL_EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{M}\p{N}_'+\-.]*[\p{L}\p{M}\p{N}_+-]@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+[\p{L}\p{M}]{2,}$/u;

export const ZEmailAddress = text({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(submitRequestMaxLengths.email, 'Email addresses are at most 254 characters')
  .pipe(z.email({ pattern: INTERNATIONAL_EMAIL, error: 'Enter a valid email address, like name@example.com' }));

/**
 * "I am filing on someone's behalf" (CCPA §7063): the authorised agent's name, email and organisation.
 * The email in the request is then the person's own, and they are asked to confirm it themselves.
 */
export const agentFields = {
  agentName: z.preprocess(emptyToUndefined, text().trim().max(200, 'Names are at most 200 characters').optional()),
  agentEmail: z.preprocess(emptyToUndefined, ZEmailAddress.optional()),
  agentOrganisation: z.preprocess(emptyToUndefined, text().trim().max(200, 'At most 200 characters').optional()),
};

/** An agent gives both their name and their own email, and it is not the person's. */
export function requireCompleteAgent(
  input: { email: string; agentName?: string; agentEmail?: string; agentOrganisation?: string },
  context: z.RefinementCtx,
): void {
  if (!input.agentName && !input.agentEmail && !input.agentOrganisation) return;
  if (!input.agentName) context.addIssue({ code: 'custom', path: ['agentName'], message: 'Enter your name as the agent' });
  if (!input.agentEmail) context.addIssue({ code: 'custom', path: ['agentEmail'], message: 'Enter your own email address as the agent' });
  else if (input.agentEmail.trim().toLowerCase() === input.email.trim().toLowerCase())
    context.addIssue({ code: 'custom', path: ['agentEmail'], message: 'Use the person’s email above and your own email here' });
}

/** A copy before erasure is asked for with a deletion only: with another type it would be silently meaningless. */
export function requireDeletionForCopy(input: { type: string; copyBeforeErasure?: boolean }, context: z.RefinementCtx): void {
  if (input.copyBeforeErasure && input.type !== 'deletion') {
    context.addIssue({ code: 'custom', path: ['copyBeforeErasure'], message: 'A copy before erasure goes with a deletion request only' });
  }
}

/**
 * One schema for the web form, the JSON intake endpoint and the tests. Unknown
 * keys are refused so a typo in an API client is an error, not silently dropped data.
 */
const ZSubmitRequestFields = z.strictObject({
  type: ZRequestType,
  email: ZEmailAddress,
  fullName: text({ error: 'Enter your full name' })
    .trim()
    .min(1, 'Enter your full name')
    .max(submitRequestMaxLengths.fullName, 'Names are at most 200 characters'),
  accountIdentifier: z.preprocess(
    emptyToUndefined,
    text({ error: 'Account identifier must be text' })
      .trim()
      .max(submitRequestMaxLengths.accountIdentifier, 'Account identifiers are at most 200 characters')
      .optional(),
  ),
  details: z.preprocess(
    emptyToUndefined,
    text({ error: 'Details must be text' })
      .trim()
      .max(DETAILS_MAX_LENGTH, `Keep the details under ${DETAILS_MAX_LENGTH.toLocaleString('en')} characters`)
      .optional(),
  ),
  /** A correction only: structured "field, what it says now, what it should be" lines, besides or instead of the details. */
  correctionFields: ZCorrectionFields.optional(),
  jurisdiction: ZJurisdiction,
  /** The browser's IANA time zone (the form fills it in); the organisation's zone when absent. */
  timeZone: z.preprocess(emptyToUndefined, ZTimeZone.optional()),
  isAuthorised: z.literal(true, { error: 'Confirm that you are the person named, or authorised to act for them' }),
  /** The requester's language for every email and page about the request (API clients; the form uses the page's). */
  language: z.enum(supportedLocales, { error: `Language must be one of ${supportedLocales.join(', ')}` }).optional(),
  /** A deletion only: "send me a copy of my data before it is erased" (the form sends it only with a deletion). */
  copyBeforeErasure: z.boolean({ error: 'copyBeforeErasure must be true or false' }).optional(),
  /** Honeypot: a field people never see. Anything in it marks the submission as automated. */
  website: text().max(submitRequestMaxLengths.website).optional(),
  ...agentFields,
});

export const ZSubmitRequest = ZSubmitRequestFields.superRefine(requireWhatToCorrect)
  .superRefine(requireCompleteAgent)
  .superRefine(requireDeletionForCopy);

export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;

/**
 * The public web form: the same fields, plus the agent's upload of the person's signed permission, which
 * the form asks of every agent (multipart; the JSON intake carries no files).
 */
export const ZSubmitRequestForm = ZSubmitRequestFields.extend({
  agentPermission: ZEvidenceFile.optional(),
  /** A correction only: proof documents (multipart), stored encrypted like identity documents. */
  correctionAttachments: ZCorrectionAttachments.optional(),
})
  .superRefine(requireWhatToCorrect)
  .superRefine(requireCompleteAgent)
  .superRefine(requireDeletionForCopy)
  .superRefine((input, context) => requireAgentPermission(input, context, AGENT_PERMISSION_REQUIRED));

export type TSubmitRequestForm = z.infer<typeof ZSubmitRequestForm>;
export type SubmitRequestField = keyof TSubmitRequestForm;
