import { z } from 'zod';
import { requestTypes, ZRequestType } from './request-type';
import { text } from './text';

// Capped at 366 so a typo in the staff settings form (e.g. 4500 days) cannot push a due date years out.
// business_days (weekends skipped) is for the short opt-out clocks, e.g. California's 15 business days.
export const durationUnits = ['days', 'months', 'business_days'] as const;
export const ZDurationRule = z.strictObject({
  unit: z.enum(durationUnits),
  amount: z.number().int().positive().max(366),
});

export type TDurationRule = z.infer<typeof ZDurationRule>;

/** Whose bank holidays a rolled UK deadline skips (lib/deadlines/uk-bank-holidays.ts). */
export const bankHolidayRegions = ['england_and_wales', 'scotland', 'northern_ireland'] as const;
export type BankHolidayRegion = (typeof bankHolidayRegions)[number];
export const ZBankHolidayRegion = z.enum(bankHolidayRegions, { error: 'Choose a bank-holiday calendar' });

/** Why staff wait for the requester; each regime says which of these stop its clock. */
export const pauseKinds = ['identity', 'clarification', 'fee'] as const;
export type PauseKind = (typeof pauseKinds)[number];
export const ZPauseKind = z.enum(pauseKinds, { error: 'Choose what you are waiting for' });

export const ZAppealRule = z.strictObject({
  // The statutes say "within a reasonable period of time after receipt of the decision"; the window the
  // organisation offers is this number of days, shown in every refusal and on the status page.
  windowDays: z.number().int().positive().max(366),
  /** Time to decide an appeal, counted from the day it is received. */
  deadline: ZDurationRule,
  extension: ZDurationRule.nullable(),
  /** How to complain to the regulator (the state's attorney general) if the appeal is denied; empty where the law does not ask. */
  regulatorContact: text().max(300),
});

export type TAppealRule = z.infer<typeof ZAppealRule>;

/**
 * A request type's own clock where the law sets one (CCPA: opt-outs and limiting sensitive information
 * within 15 business days, 11 CCR §7026(f), §7027(g); no extension, no acknowledgement).
 */
export const ZRequestTypeClock = z.strictObject({
  deadline: ZDurationRule,
  extension: ZDurationRule.extend({ maxCount: z.number().int().min(1).max(3) }).nullable(),
  acknowledgementBusinessDays: z.number().int().positive().max(60).nullable(),
});

export type TRequestTypeClock = z.infer<typeof ZRequestTypeClock>;

export const ZDeadlinePolicy = z.strictObject({
  label: text().min(1).max(120),
  deadline: ZDurationRule.extend({
    rollWeekendToNextWorkingDay: z.boolean(),
    // Only read when the weekend roll is on: a deadline on one of these days also moves to the next working day.
    bankHolidays: ZBankHolidayRegion.nullable().default(null),
  }),
  extension: ZDurationRule.extend({ maxCount: z.number().int().min(1).max(3) }).nullable(),
  acknowledgementBusinessDays: z.number().int().positive().max(60).nullable(),
  /** The pause kinds that stop this regime's clock; empty means the deadline runs regardless (CCPA). */
  clockStopKinds: z
    .array(ZPauseKind)
    .max(pauseKinds.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'Each kind once'),
  /** Where the law gives a right to appeal a refusal (most US state laws); null where it does not. */
  appeal: ZAppealRule.nullable().default(null),
  /** The request types this regime gives a right to; the form refuses the others for it. */
  requestTypes: z
    .array(ZRequestType)
    .min(1)
    .default([...requestTypes]),
  /** Types whose clock differs from the regime's; the rest use `deadline`, `extension` and `acknowledgementBusinessDays`. */
  byRequestType: z.partialRecord(ZRequestType, ZRequestTypeClock).default({}),
  // Shown to staff beside the due date so they can check the rule against the law it claims to follow.
  legalBasis: text().max(300),
});

export type TDeadlinePolicy = z.infer<typeof ZDeadlinePolicy>;
export type TDeadlinePolicyInput = z.input<typeof ZDeadlinePolicy>;
