import { z } from 'zod';
import { ZEvidenceFile } from './evidence-file';
import { text } from './text';

/** A correction names at most this many fields: more is a data dump, not a list of what is wrong. */
export const MAX_CORRECTION_FIELDS = 20;
/** Proof documents (a marriage certificate, a utility bill) with a correction: a handful, each an identity-document-sized file. */
export const MAX_CORRECTION_ATTACHMENTS = 5;
export const CORRECTION_MESSAGES = {
  fieldRequired: 'Name the field to correct',
  shouldBeRequired: 'Say what the field should be',
  tooManyFields: `Name at most ${MAX_CORRECTION_FIELDS} fields to correct`,
  tooManyAttachments: `Attach at most ${MAX_CORRECTION_ATTACHMENTS} documents`,
} as const;
export const correctionFieldMaxLengths = { field: 100, currentValue: 500, shouldBe: 500 } as const;

/** One structured line of a correction: which field, what it says now (optional), what it should be. */
export const ZCorrectionField = z.strictObject({
  field: text({ error: CORRECTION_MESSAGES.fieldRequired })
    .trim()
    .min(1, CORRECTION_MESSAGES.fieldRequired)
    .max(correctionFieldMaxLengths.field, `Field names are at most ${correctionFieldMaxLengths.field} characters`),
  currentValue: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    text()
      .trim()
      .max(correctionFieldMaxLengths.currentValue, `Values are at most ${correctionFieldMaxLengths.currentValue} characters`)
      .optional(),
  ),
  shouldBe: text({ error: CORRECTION_MESSAGES.shouldBeRequired })
    .trim()
    .min(1, CORRECTION_MESSAGES.shouldBeRequired)
    .max(correctionFieldMaxLengths.shouldBe, `Values are at most ${correctionFieldMaxLengths.shouldBe} characters`),
});
export type TCorrectionField = z.infer<typeof ZCorrectionField>;

export const ZCorrectionFields = z
  .array(ZCorrectionField, { error: 'correctionFields must be a list of { field, currentValue, shouldBe }' })
  .max(MAX_CORRECTION_FIELDS, CORRECTION_MESSAGES.tooManyFields);

export const ZCorrectionAttachments = z.array(ZEvidenceFile).max(MAX_CORRECTION_ATTACHMENTS, CORRECTION_MESSAGES.tooManyAttachments);

/**
 * A correction must say what is wrong and what it should be (GDPR Art. 16; CCPA §1798.106): free text, field/value
 * pairs or both; "nothing to correct" is a field error. Pairs and proof documents go with a correction only.
 */
export function requireWhatToCorrect(
  input: { type: string; details?: string; correctionFields?: readonly unknown[]; correctionAttachments?: readonly unknown[] },
  context: z.RefinementCtx,
): void {
  const hasFields = (input.correctionFields?.length ?? 0) > 0;
  if (input.type === 'correction' && !input.details && !hasFields) {
    context.addIssue({ code: 'custom', path: ['details'], message: 'Say which of your details are wrong and what they should be' });
  }
  if (input.type !== 'correction' && hasFields)
    context.addIssue({ code: 'custom', path: ['correctionFields'], message: 'Fields to correct go with a correction request only' });
  if (input.type !== 'correction' && (input.correctionAttachments?.length ?? 0) > 0)
    context.addIssue({ code: 'custom', path: ['correctionAttachments'], message: 'Documents go with a correction request only' });
}

const FORM_LINE_KEY = /^correctionFields\.(\d{1,2})\.(field|currentValue|shouldBe)$/;
/** How many empty lines a form offers for fields to correct. */
export const CORRECTION_FORM_LINES = 3;

/**
 * The forms post each line as `correctionFields.<n>.field|currentValue|shouldBe` (no JavaScript needed); this gathers them
 * into `correctionFields` for the schema, dropping lines left empty. A refused form echoes the flat names back as typed.
 */
export function gatherCorrectionFields(values: Record<string, unknown>): Record<string, unknown> {
  const lines: Record<string, string>[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = FORM_LINE_KEY.exec(key);
    if (!match) rest[key] = value;
    else if (typeof value === 'string') {
      const index = Number(match[1]);
      lines[index] = { ...lines[index], [match[2]!]: value };
    }
  }
  const filled = lines.filter((line) => line && Object.values(line).some((value) => value.trim() !== ''));
  return filled.length > 0 ? { ...rest, correctionFields: filled } : rest;
}
