import { translatorFor } from '@/lib/i18n/translator';
import type { TOptOutConfirmedEmailProps } from './opt-out-confirmed';

/* Plain text, no React: the request's closing message (lib/fulfilment/complete-opt-out.ts) reads it from server code. */
/**
 * What an opt-out stops, in the requester's words, in English for that stored message. The email says the same
 * in the request's language; both read `emails.optOutConfirmed.outcome`, so the wording is kept in one place.
 */
export function describeOptOutOutcome(optOut: TOptOutConfirmedEmailProps['optOut']): string {
  return translatorFor('en')('emails.optOutConfirmed.outcome', { optOut });
}
