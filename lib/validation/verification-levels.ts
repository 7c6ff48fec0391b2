import { z } from 'zod';
import { requestTypes } from './request-type';
import { ZReference, ZVersion } from './staff-actions';
import { text } from './text';

/**
 * How sure the organisation must be of who the requester is (CCPA regulations 11 CCR §7060–7062;
 * GDPR Art. 12(6)), weakest first: control of the mailbox; N facts matched against a data source;
 * those facts plus a signed declaration; an agent's own check of a document or a call.
 */
export const verificationLevels = ['email', 'data_points', 'declaration', 'staff_check'] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

export const verificationLevelLabels: Record<VerificationLevel, string> = {
  email: 'Email link',
  data_points: 'Data points',
  declaration: 'Data points and signed declaration',
  staff_check: 'Staff check',
};

/** The facts a data source's map may name as verification columns; the requester is asked for some of them. */
export const dataPointKinds = ['phone', 'postcode', 'order_number', 'date_of_birth'] as const;
export type DataPointKind = (typeof dataPointKinds)[number];

/** Simple English: the requester reads these on their status page. */
export const dataPointLabels: Record<DataPointKind, { label: string; hint: string }> = {
  phone: { label: 'Phone number', hint: 'The phone number on your account.' },
  postcode: { label: 'Postcode', hint: 'A postcode or ZIP code where we delivered to you.' },
  order_number: { label: 'Order number', hint: 'The number of one of your orders.' },
  date_of_birth: { label: 'Date of birth', hint: 'For example 1815-12-10.' },
};

export const MIN_DATA_POINTS = 1;
export const MAX_DATA_POINTS = dataPointKinds.length;

export const ZVerificationRequirement = z.strictObject({
  level: z.enum(verificationLevels, { error: 'Choose a verification level' }),
  /** How many data points must match (data points and declaration levels). */
  dataPoints: z.coerce
    .number()
    .int()
    .min(MIN_DATA_POINTS, `At least ${MIN_DATA_POINTS}`)
    .max(MAX_DATA_POINTS, `At most ${MAX_DATA_POINTS}`)
    .default(2),
});
export type TVerificationRequirement = z.infer<typeof ZVerificationRequirement>;

/** Per regime (jurisdiction code), per request type; a missing entry is the default (email). */
export const ZVerificationLevelSettings = z.strictObject({
  maxTries: z.coerce.number().int().min(1, 'At least 1 try').max(10, 'At most 10 tries').default(3),
  /** Days after the identity decision (or, undecided, after the request closed) that uploaded evidence is deleted. */
  evidenceRetentionDays: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days').default(7),
  levels: z.record(text().max(40), z.partialRecord(z.enum(requestTypes), ZVerificationRequirement)).default({}),
});
export type TVerificationLevelSettings = z.infer<typeof ZVerificationLevelSettings>;

/** The admin form for one regime: a level and a count per request type, read from `<type>.level` and `<type>.dataPoints`. */
export const ZVerificationLevelsForm = z.strictObject({
  jurisdiction: text().trim().min(1).max(40),
  maxTries: ZVerificationLevelSettings.shape.maxTries,
  evidenceRetentionDays: ZVerificationLevelSettings.shape.evidenceRetentionDays,
  levels: z.partialRecord(z.enum(requestTypes), ZVerificationRequirement),
});
export type TVerificationLevelsForm = z.infer<typeof ZVerificationLevelsForm>;

/** The flat form fields (`access.level`, `access.dataPoints`, …) as ZVerificationLevelsForm's shape. */
export function verificationLevelsFormInput(values: Record<string, string>): unknown {
  const levels: Record<string, { level?: string; dataPoints?: string }> = {};
  for (const type of requestTypes) {
    const level = values[`${type}.level`];
    if (level) levels[type] = { level, dataPoints: values[`${type}.dataPoints`] || '2' };
  }
  return { jurisdiction: values.jurisdiction, maxTries: values.maxTries, evidenceRetentionDays: values.evidenceRetentionDays, levels };
}

/** What the requester sends from their status page: a value for each fact they know, and the declaration when asked. */
const dataPointValue = text().trim().max(100, 'At most 100 characters').optional();
export const ZSubmitDataPoints = z.strictObject({
  token: text().trim().min(1).max(200),
  phone: dataPointValue,
  postcode: dataPointValue,
  order_number: dataPointValue,
  date_of_birth: dataPointValue,
  declarationName: text().trim().max(200, 'At most 200 characters').optional(),
  declarationAgreed: z.literal('yes').optional(),
});
export type TSubmitDataPoints = z.infer<typeof ZSubmitDataPoints>;

export const ZRecordStaffCheck = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  method: text().trim().min(1, 'Say how you checked who this is').max(500, 'At most 500 characters'),
  evidenceSeen: text().trim().min(1, 'Say what evidence you saw').max(1000, 'At most 1,000 characters'),
});
export type TRecordStaffCheck = z.infer<typeof ZRecordStaffCheck>;

export const ZOverrideVerification = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  reason: text().trim().min(10, 'Give the reason in at least 10 characters').max(1000, 'At most 1,000 characters'),
});
export type TOverrideVerification = z.infer<typeof ZOverrideVerification>;
