import { z } from 'zod';
import {
  durationUnits,
  type PauseKind,
  pauseKinds,
  type TDeadlinePolicy,
  type TRequestTypeClock,
  ZBankHolidayRegion,
  ZDeadlinePolicy,
} from './deadline-policy';
import { type RequestType, requestTypes } from './request-type';
import { text } from './text';

/** The settings form's checkbox for each pause kind. */
export const clockStopField = {
  identity: 'clockStopIdentity',
  clarification: 'clockStopClarification',
  fee: 'clockStopFee',
} as const satisfies Record<PauseKind, string>;

const number = (label: string, max: number, min = 1) =>
  z.coerce
    .number({ error: `Enter ${label} as a number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}`);
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const ZUnit = z.enum(['days', 'months'], { error: 'Choose days or months' });
const ZTypeClockUnit = z.enum(durationUnits, { error: 'Choose days, business days or months' });

/** The settings form's fields for one request type: is it offered, and its own deadline (blank: the regime's). */
export const requestTypeFields = (type: RequestType) =>
  ({ offered: `offers_${type}`, amount: `typeDeadlineAmount_${type}`, unit: `typeDeadlineUnit_${type}` }) as const;

const requestTypeFormFields = Object.fromEntries(
  requestTypes.flatMap((type) => {
    const names = requestTypeFields(type);
    return [
      [names.offered, checkbox],
      [names.amount, z.preprocess(blankToUndefined, number('its own deadline', 366).optional())],
      [names.unit, z.preprocess(blankToUndefined, ZTypeClockUnit.optional())],
    ];
  }),
) as Record<string, z.ZodType>;

/** The per-type fields are built from the type list, so the parsed form is read by name. */
const typeField = (form: object, name: string): unknown => (form as Record<string, unknown>)[name];

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
    bankHolidays: z.preprocess(blankToUndefined, ZBankHolidayRegion.optional()),
    // One checkbox per pause kind (the action's form values keep one value per name).
    clockStopIdentity: checkbox,
    clockStopClarification: checkbox,
    clockStopFee: checkbox,
    hasAppeal: checkbox,
    appealWindowDays: z.preprocess(blankToUndefined, number('the appeal window', 366).optional()),
    appealDeadlineAmount: z.preprocess(blankToUndefined, number('the time to decide an appeal', 366).optional()),
    appealDeadlineUnit: z.preprocess(blankToUndefined, ZUnit.optional()),
    appealExtensionAmount: z.preprocess(blankToUndefined, number('the appeal extension', 366).optional()),
    appealExtensionUnit: z.preprocess(blankToUndefined, ZUnit.optional()),
    regulatorContact: text().trim().max(300, 'At most 300 characters').default(''),
    legalBasis: text().trim().max(300, 'At most 300 characters'),
    ...requestTypeFormFields,
  })
  .superRefine((form, context) => {
    if (!requestTypes.some((type) => typeField(form, requestTypeFields(type).offered)))
      context.addIssue({ code: 'custom', path: [requestTypeFields('access').offered], message: 'Offer at least one kind of request' });
    if (form.hasAppeal) {
      if (form.appealWindowDays === undefined)
        context.addIssue({ code: 'custom', path: ['appealWindowDays'], message: 'Enter how many days a requester has to appeal' });
      if (form.appealDeadlineAmount === undefined)
        context.addIssue({ code: 'custom', path: ['appealDeadlineAmount'], message: 'Enter how long you have to decide an appeal' });
      if (form.appealExtensionAmount !== undefined && form.appealExtensionUnit === undefined)
        context.addIssue({ code: 'custom', path: ['appealExtensionUnit'], message: 'Choose days or months' });
    }
    if (!form.hasExtension) return;
    if (form.extensionAmount === undefined)
      context.addIssue({ code: 'custom', path: ['extensionAmount'], message: 'Enter how long an extension adds' });
    if (form.extensionUnit === undefined) context.addIssue({ code: 'custom', path: ['extensionUnit'], message: 'Choose days or months' });
    if (form.extensionMaxCount === undefined)
      context.addIssue({ code: 'custom', path: ['extensionMaxCount'], message: 'Enter how many extensions are allowed' });
  })
  .transform((form): { code: string; policy: TDeadlinePolicy } => ({
    code: form.code,
    policy: ZDeadlinePolicy.parse({
      label: form.label,
      deadline: {
        unit: form.deadlineUnit,
        amount: form.deadlineAmount,
        rollWeekendToNextWorkingDay: form.rollWeekendToNextWorkingDay,
        bankHolidays: form.rollWeekendToNextWorkingDay ? (form.bankHolidays ?? null) : null,
      },
      extension: form.hasExtension ? { unit: form.extensionUnit!, amount: form.extensionAmount!, maxCount: form.extensionMaxCount! } : null,
      acknowledgementBusinessDays: form.acknowledgementBusinessDays ?? null,
      clockStopKinds: pauseKinds.filter((kind) => form[clockStopField[kind]]),
      appeal: form.hasAppeal
        ? {
            windowDays: form.appealWindowDays!,
            deadline: { unit: form.appealDeadlineUnit ?? 'days', amount: form.appealDeadlineAmount! },
            extension:
              form.appealExtensionAmount === undefined ? null : { unit: form.appealExtensionUnit!, amount: form.appealExtensionAmount },
            regulatorContact: form.regulatorContact,
          }
        : null,
      requestTypes: requestTypes.filter((type) => typeField(form, requestTypeFields(type).offered)),
      byRequestType: Object.fromEntries(
        requestTypes.flatMap((type): [RequestType, TRequestTypeClock][] => {
          const amount = typeField(form, requestTypeFields(type).amount) as number | undefined;
          if (amount === undefined) return [];
          const unit = (typeField(form, requestTypeFields(type).unit) as TRequestTypeClock['deadline']['unit'] | undefined) ?? 'days';
          return [[type, { deadline: { unit, amount }, extension: null, acknowledgementBusinessDays: null }]];
        }),
      ),
      legalBasis: form.legalBasis,
    }),
  }));

export type TJurisdictionPolicyForm = z.input<typeof ZJurisdictionPolicyForm>;
