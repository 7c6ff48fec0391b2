import { z } from 'zod';
import { ZReference, ZVersion } from './staff-actions';
import { text } from './text';

/**
 * The request page's correction form (correction requests, database sources with
 * correctable columns): which value to correct, and what it should be. `target` is
 * one option of the page's list (source, table, the row's primary key, column) as JSON;
 * every name in it is checked again against the source's map before any SQL is built.
 */
const plainName = text()
  .regex(/^[A-Za-z_][A-Za-z0-9_$]*$/)
  .max(63);
export const ZCorrectionTargetFields = z.strictObject({
  sourceId: z.uuid(),
  table: plainName,
  key: z.record(plainName, text().max(500)),
  column: plainName,
});
export type TCorrectionTargetFields = z.infer<typeof ZCorrectionTargetFields>;

const ZTarget = text({ error: 'Choose the value to correct' })
  .min(1, 'Choose the value to correct')
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'Choose the value to correct' });
      return z.NEVER;
    }
  })
  .pipe(ZCorrectionTargetFields);

export const ZPreviewCorrection = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  target: ZTarget,
  newValue: text({ error: 'Enter the corrected value' }).trim().min(1, 'Enter the corrected value').max(2000, 'At most 2,000 characters'),
});
export type TPreviewCorrection = z.infer<typeof ZPreviewCorrection>;

/** Applying repeats the preview with the old value the agent saw: a value changed since is refused. */
export const ZApplyCorrection = ZPreviewCorrection.extend({
  /** Left out of the form when the old value was NULL. */
  expectedOldValue: text()
    .max(10_000)
    .nullish()
    .transform((value) => value ?? null),
});
export type TApplyCorrection = z.infer<typeof ZApplyCorrection>;
