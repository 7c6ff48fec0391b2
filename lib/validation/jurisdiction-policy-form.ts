import { z } from 'zod';
import { type TDeadlinePolicy, ZDeadlinePolicy } from './deadline-policy';
import { text } from './text';

const number = (label: string, max: number, min = 1) =>
  z.coerce
    .number({ error: `Enter ${label} as a number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}`);
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const ZUnit = z.enum(['days', 'months'], { error: 'Choose days or months' });

/**
 * The settings page's form for one jurisdiction, flat as HTML sends it, turned
 * into the policy shape lib/deadlines reads (and checked again against it).
 * Field names are the form's input names, so errors land beside their input.
 */
export const ZJurisdictionPolicyForm = z
  .strictObject({
    code: text().min(1).max(40),
    label: text().trim().min(1, 'Enter the name requesters see').max(120, 'At most 120 characters'),
    deadlineAmount: number('the deadline', 366),
    deadlineUnit: ZUnit,
    rollWeekendToNextWorkingDay: checkbox,
    hasExtension: checkbox,
    extensionAmount: z.preprocess(blankToUndefined, number('the extension', 366).optional()),
    extensionUnit: z.preprocess(blankToUndefined, ZUnit.optional()),
    extensionMaxCount: z.preprocess(blankToUndefined, number('the number of extensions', 3).optional()),
    acknowledgementBusinessDays: z.preprocess(blankToUndefined, number('the acknowledgement period', 60).optional()),
    clockStopAllowed: checkbox,
    legalBasis: text().trim().max(300, 'At most 300 characters'),
  })
  .superRefine((form, context) => {
    if (!form.hasExtension) return;
    if (form.extensionAmount === undefined) context.addIssue({ code: 'custom', path: ['extensionAmount'], message: 'Enter how long an extension adds' });
    if (form.extensionUnit === undefined) context.addIssue({ code: 'custom', path: ['extensionUnit'], message: 'Choose days or months' });
    if (form.extensionMaxCount === undefined) context.addIssue({ code: 'custom', path: ['extensionMaxCount'], message: 'Enter how many extensions are allowed' });
  })
  .transform((form): { code: string; policy: TDeadlinePolicy } => ({
    code: form.code,
    policy: ZDeadlinePolicy.parse({
      label: form.label,
      deadline: { unit: form.deadlineUnit, amount: form.deadlineAmount, rollWeekendToNextWorkingDay: form.rollWeekendToNextWorkingDay },
      extension: form.hasExtension ? { unit: form.extensionUnit!, amount: form.extensionAmount!, maxCount: form.extensionMaxCount! } : null,
      acknowledgementBusinessDays: form.acknowledgementBusinessDays ?? null,
      clockStopAllowed: form.clockStopAllowed,
      legalBasis: form.legalBasis,
    }),
  }));

export type TJurisdictionPolicyForm = z.input<typeof ZJurisdictionPolicyForm>;
