import { z } from 'zod';
import { text } from './text';

/** A processor's answer at its link (app/(public)/processor/[token]): erased, or it never held the person's data. */
export const processorAnswers = ['erased', 'held_nothing'] as const;

export const ZAnswerProcessorNotice = z.strictObject({
  token: text().trim().min(20, 'This link is not complete').max(100, 'This link is not valid'),
  answer: z.enum(processorAnswers, { error: 'Choose whether you erased the data or hold none' }),
  note: text().trim().max(1000, 'At most 1,000 characters').optional().default(''),
});

export type TAnswerProcessorNotice = z.infer<typeof ZAnswerProcessorNotice>;
