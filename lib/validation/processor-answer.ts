import { z } from 'zod';
import { text } from './text';

/**
 * A processor's answer at its link (app/(public)/processor/[token]): erased or corrected, or it never
 * held the person's data. Which of them a link accepts depends on what it was asked (lib/processors/processor-topics.ts).
 */
export const processorAnswers = ['erased', 'corrected', 'held_nothing'] as const;

export type ProcessorAnswer = (typeof processorAnswers)[number];

export const ZAnswerProcessorNotice = z.strictObject({
  token: text().trim().min(20, 'This link is not complete').max(100, 'This link is not valid'),
  answer: z.enum(processorAnswers, { error: 'Choose whether you did what we asked or hold no data' }),
  note: text().trim().max(1000, 'At most 1,000 characters').optional().default(''),
});

export type TAnswerProcessorNotice = z.infer<typeof ZAnswerProcessorNotice>;
