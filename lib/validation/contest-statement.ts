import { z } from 'zod';
import { text } from './text';

/** CCPA regulations, 11 CCR §7023(f)(2): the consumer's statement is limited to 250 words per contested item. */
export const CONTEST_STATEMENT_MAX_WORDS = 250;
/** Generous for 250 words, and a bound on what is stored and re-rendered. */
export const CONTEST_STATEMENT_MAX_LENGTH = 2500;

export const CONTEST_STATEMENT_MESSAGES = {
  required: 'Enter your statement',
  tooManyWords: `Keep your statement to ${CONTEST_STATEMENT_MAX_WORDS} words or fewer`,
  tooLong: `Keep your statement under ${CONTEST_STATEMENT_MAX_LENGTH.toLocaleString('en')} characters`,
} as const;

export function countWords(value: string): number {
  return value.split(/\s+/u).filter(Boolean).length;
}

/** The requester's statement contesting data we declined to correct, from their status page. */
export const ZContestStatement = z.strictObject({
  statement: text({ error: CONTEST_STATEMENT_MESSAGES.required })
    .trim()
    .min(1, CONTEST_STATEMENT_MESSAGES.required)
    .max(CONTEST_STATEMENT_MAX_LENGTH, CONTEST_STATEMENT_MESSAGES.tooLong)
    .refine((value) => countWords(value) <= CONTEST_STATEMENT_MAX_WORDS, CONTEST_STATEMENT_MESSAGES.tooManyWords),
});
export type TContestStatement = z.infer<typeof ZContestStatement>;
