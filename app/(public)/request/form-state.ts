import type { SubmitRequestField } from '@/lib/validation/submit-request';

export type SubmitRequestFormState = {
  formError?: string;
  fieldErrors?: Partial<Record<SubmitRequestField, string[]>>;
  /** What the person typed, so a failed submit never empties the form. */
  values: Partial<Record<SubmitRequestField, string>>;
};

export const fieldLabels: Record<SubmitRequestField, string> = {
  type: 'What would you like us to do?',
  email: 'Email address',
  fullName: 'Full name',
  accountIdentifier: 'Account identifier',
  details: 'Details',
  jurisdiction: 'Where do you live?',
  isAuthorised: 'Confirmation',
  website: 'Website',
  timeZone: 'Time zone',
};
