import type { SubmitRequestField } from '@/lib/validation/submit-request';

export type SubmitRequestFormState = {
  formError?: string;
  fieldErrors?: Partial<Record<SubmitRequestField, string[]>>;
  /** What the person typed, so a failed submit never empties the form (a correction's lines under their posted names, correctionFields.<n>.<part>). */
  values: Partial<Record<Exclude<SubmitRequestField, 'correctionFields' | 'correctionAttachments'>, string>> &
    Partial<Record<string, string>>;
};

// The labels are in messages/<language>.json under requestPage.labels.
