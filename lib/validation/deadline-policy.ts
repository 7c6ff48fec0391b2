import { z } from 'zod';
import { text } from './text';

// Capped at 366 so a typo in the staff settings form (e.g. 4500 days) cannot push a due date years out.
export const ZDurationRule = z.strictObject({
  unit: z.enum(['days', 'months']),
  amount: z.number().int().positive().max(366),
});

export type TDurationRule = z.infer<typeof ZDurationRule>;

export const ZDeadlinePolicy = z.strictObject({
  label: text().min(1).max(120),
  deadline: ZDurationRule.extend({ rollWeekendToNextWorkingDay: z.boolean() }),
  extension: ZDurationRule.extend({ maxCount: z.number().int().min(1).max(3) }).nullable(),
  acknowledgementBusinessDays: z.number().int().positive().max(60).nullable(),
  clockStopAllowed: z.boolean(),
  // Shown to staff beside the due date so they can check the rule against the law it claims to follow.
  legalBasis: text().max(300),
});

export type TDeadlinePolicy = z.infer<typeof ZDeadlinePolicy>;
