import { z } from 'zod';
import { ZJurisdiction } from './jurisdiction';
import { ZRequestType } from './request-type';

export const DETAILS_MAX_LENGTH = 2000;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ZEmailAddress = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Email addresses are at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }));

/** A correction must say what is wrong and what it should be (GDPR Art. 16; CCPA §1798.106): "nothing to correct" is a field error. */
export function requireWhatToCorrect(input: { type: string; details?: string }, context: z.RefinementCtx): void {
  if (input.type === 'correction' && !input.details) {
    context.addIssue({ code: 'custom', path: ['details'], message: 'Say which of your details are wrong and what they should be' });
  }
}

/**
 * One schema for the web form, the JSON intake endpoint and the tests. Unknown
 * keys are refused so a typo in an API client is an error, not silently dropped data.
 */
export const ZSubmitRequest = z.strictObject({
  type: ZRequestType,
  email: ZEmailAddress,
  fullName: z
    .string({ error: 'Enter your full name' })
    .trim()
    .min(1, 'Enter your full name')
    .max(200, 'Names are at most 200 characters'),
  accountIdentifier: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'Account identifier must be text' }).trim().max(200, 'Account identifiers are at most 200 characters').optional(),
  ),
  details: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'Details must be text' })
      .trim()
      .max(DETAILS_MAX_LENGTH, `Keep the details under ${DETAILS_MAX_LENGTH.toLocaleString('en')} characters`)
      .optional(),
  ),
  jurisdiction: ZJurisdiction,
  isAuthorised: z.literal(true, { error: 'Confirm that you are the person named, or authorised to act for them' }),
  /** Honeypot: a field people never see. Anything in it marks the submission as automated. */
  website: z.string().max(500).optional(),
}).superRefine(requireWhatToCorrect);

export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;
export type SubmitRequestField = keyof TSubmitRequest;
