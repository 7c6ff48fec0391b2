import type { SubmitRequestField } from '@/lib/validation/submit-request';

export type SubmitRequestFormState = {
  formError?: string;
  fieldErrors?: Partial<Record<SubmitRequestField, string[]>>;
  /** What the person typed, so a failed submit never empties the form. */
  values: Partial<Record<SubmitRequestField, string>>;
};

// The labels are in messages/<language>.json under requestPage.labels.
