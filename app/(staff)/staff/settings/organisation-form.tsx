'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/form-field';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';
import { updateOrganisationSettingsAction } from './actions';
import { ZOrganisationSettings } from '@/lib/validation/organisation-settings';
import { maxLengthOf } from '@/lib/validation/max-length-of';

const labels: Record<keyof TOrganisationSettings, string> = {
  organisationName: 'Organisation name',
  senderName: 'Sender name',
  senderEmail: 'Sender email address',
  contactEmail: 'Privacy team contact email',
  privacyNoticeUrl: 'Privacy notice web address',
  downloadDays: 'Download link lifetime (days)',
  maxDownloads: 'Downloads allowed per file',
  copyWaitDays: 'Erasure waits for an undownloaded copy (days)',
  auditRetentionMonths: 'Keep audit records for (months)',
  personalDataRetentionDays: 'Keep requesters’ personal data after closing (days)',
};

/** The whole-number settings, in the order the form shows them. */
const numberFields: { id: keyof TOrganisationSettings; hint: string; min: number; max: number }[] = [
  { id: 'downloadDays', hint: 'How long a requester can download a file sent with a fulfilment, 1 to 90.', min: 1, max: 90 },
  { id: 'maxDownloads', hint: '1 to 100.', min: 1, max: 100 },
  {
    id: 'copyWaitDays',
    hint: 'A deletion with a copy first is erased once the requester downloads the copy, or this many days after it is released: 1 to 90.',
    min: 1,
    max: 90,
  },
  {
    id: 'auditRetentionMonths',
    hint: 'Request records and the event log, 24 to 240. CCPA requires at least 24 months.',
    min: 24,
    max: 240,
  },
  {
    id: 'personalDataRetentionDays',
    hint: '30 to 3,650. After this many days a closed request loses the requester’s email, name, details, notes and files; its reference, type, dates and the systems searched or erased stay.',
    min: 30,
    max: 3650,
  },
];

export function OrganisationForm({ current }: { current: TOrganisationSettings }) {
  const [state, formAction, isPending] = useActionState(updateOrganisationSettingsAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  // After a failed save the typed values; otherwise what is stored (the page re-reads it after a save).
  const values: Record<string, string> =
    state.values ?? Object.fromEntries(Object.entries(current).map(([key, value]) => [key, value === undefined ? '' : String(value)]));

  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        <InputField
          id="organisationName"
          label={labels.organisationName}
          hint="Shown on every requester page and in every email."
          errors={errors.organisationName}
          type="text"
          required
          maxLength={maxLengthOf(ZOrganisationSettings, 'organisationName')}
          defaultValue={values.organisationName}
        />
        <InputField
          id="senderName"
          label={labels.senderName}
          hint="The name in the From line of emails."
          errors={errors.senderName}
          type="text"
          required
          maxLength={maxLengthOf(ZOrganisationSettings, 'senderName')}
          defaultValue={values.senderName}
        />
        <InputField
          id="senderEmail"
          label={labels.senderEmail}
          hint="The address in the From line. Your mail server must be allowed to send as it (SPF, DKIM), or mail may land in spam."
          errors={errors.senderEmail}
          type="email"
          required
          maxLength={maxLengthOf(ZOrganisationSettings, 'senderEmail')}
          defaultValue={values.senderEmail}
        />
        <InputField
          id="contactEmail"
          label={`${labels.contactEmail} (optional)`}
          hint="Named on every requester page and in every email, for questions and complaints. Leave empty to show none."
          errors={errors.contactEmail}
          type="email"
          maxLength={254}
          defaultValue={values.contactEmail}
        />
        <InputField
          id="privacyNoticeUrl"
          label={`${labels.privacyNoticeUrl} (optional)`}
          hint="Linked from every requester page and email, e.g. https://example.com/privacy."
          errors={errors.privacyNoticeUrl}
          type="url"
          maxLength={2000}
          defaultValue={values.privacyNoticeUrl}
        />
        {numberFields.map((field) => (
          <InputField
            key={field.id}
            id={field.id}
            label={labels[field.id]}
            hint={field.hint}
            errors={errors[field.id]}
            type="number"
            required
            min={field.min}
            max={field.max}
            defaultValue={values[field.id]}
          />
        ))}
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save settings'}
        </button>
      </form>
    </>
  );
}
