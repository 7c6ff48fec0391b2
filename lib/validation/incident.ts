import { z } from 'zod';
import { text } from './text';
import { jurisdictionCodes } from './jurisdiction';

/** Kinds of personal data a breach can involve; what the notices and the register count by. */
export const dataCategories = [
  'contact',
  'identity',
  'financial',
  'authentication',
  'health',
  'children',
  'location',
  'communications',
  'other_sensitive',
  'other',
] as const;
export type DataCategory = (typeof dataCategories)[number];
export const dataCategoryLabels: Record<DataCategory, string> = {
  contact: 'Contact details (email, phone, address)',
  identity: 'Identity (name, date of birth, ID numbers)',
  financial: 'Financial (card, bank, payment data)',
  authentication: 'Passwords and other sign-in data',
  health: 'Health data',
  children: 'Data about children',
  location: 'Location data',
  communications: 'Messages and communications',
  other_sensitive: 'Other special-category data',
  other: 'Other personal data',
};

export const INCIDENT_TEXT_MAX = 5000;

const wallClockTime = text().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time');
const optionalWallClockTime = z.preprocess((value) => (value === '' ? undefined : value), wallClockTime.optional());
/** A checkbox group arrives as one comma-separated value (the action joins FormData.getAll). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : (value ?? [])), z.array(item).max(50));

export const ZIncidentForm = z.strictObject({
  title: text().trim().min(1, 'Give the incident a short title').max(200, 'At most 200 characters'),
  description: text()
    .trim()
    .min(1, 'Say what happened')
    .max(INCIDENT_TEXT_MAX, `At most ${INCIDENT_TEXT_MAX.toLocaleString('en')} characters`),
  startedAt: optionalWallClockTime,
  discoveredAt: wallClockTime,
  regimes: list(z.enum(jurisdictionCodes)).refine((regimes) => regimes.length > 0, 'Choose at least one law the incident falls under'),
  sourceIds: list(z.uuid()),
  dataCategories: list(z.enum(dataCategories)),
  likelyConsequences: text()
    .trim()
    .max(INCIDENT_TEXT_MAX, `At most ${INCIDENT_TEXT_MAX.toLocaleString('en')} characters`)
    .default(''),
  measuresTaken: text()
    .trim()
    .max(INCIDENT_TEXT_MAX, `At most ${INCIDENT_TEXT_MAX.toLocaleString('en')} characters`)
    .default(''),
});
export type TIncidentForm = z.infer<typeof ZIncidentForm>;

export const ZUpdateIncident = ZIncidentForm.extend({ reference: text().max(40), version: z.coerce.number().int().min(1) });
export type TUpdateIncident = z.infer<typeof ZUpdateIncident>;

/** A copy of what the regulator was sent: the form's PDF, a screenshot of the online form, or the email. */
export const REGULATOR_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;
export const REGULATOR_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'message/rfc822', 'text/plain'] as const;
const regulatorDocument = z
  .file()
  .min(1, 'The file is empty')
  .max(REGULATOR_DOCUMENT_MAX_BYTES, 'Attach a file under 25 MB')
  .mime([...REGULATOR_DOCUMENT_TYPES], 'Attach a PDF, PNG, JPEG, email (.eml) or text file');

/** What stops the regulator clock: the regulator was told, or notification was not required (GDPR Art. 33(1)). */
export const ZRegulatorDecision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('notified'),
    reference: text().max(40),
    version: z.coerce.number().int().min(1),
    notifiedAt: wallClockTime,
    method: text().trim().min(1, 'Say how the regulator was told (e.g. the ICO’s online form)').max(500, 'At most 500 characters'),
    regulatorReference: text().trim().max(200, 'At most 200 characters').default(''),
    /** Optional: the copy of the notification, kept with the incident for the register. */
    document: regulatorDocument.optional(),
  }),
  z.strictObject({
    decision: z.literal('not_required'),
    reference: text().max(40),
    version: z.coerce.number().int().min(1),
    reason: text()
      .trim()
      .min(1, 'Say why the breach is unlikely to result in a risk to people’s rights and freedoms')
      .max(INCIDENT_TEXT_MAX, `At most ${INCIDENT_TEXT_MAX.toLocaleString('en')} characters`),
  }),
]);
export type TRegulatorDecision = z.infer<typeof ZRegulatorDecision>;
