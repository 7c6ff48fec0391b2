'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
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
        <FormField
          id="organisationName"
          label={labels.organisationName}
          hint="Shown on every requester page and in every email."
          errors={errors.organisationName}
        >
          {(describedBy, isInvalid) => (
            <input
              type="text"
              id="organisationName"
              name="organisationName"
              required
              maxLength={maxLengthOf(ZOrganisationSettings, 'organisationName')}
              defaultValue={values.organisationName}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField id="senderName" label={labels.senderName} hint="The name in the From line of emails." errors={errors.senderName}>
          {(describedBy, isInvalid) => (
            <input
              type="text"
              id="senderName"
              name="senderName"
              required
              maxLength={maxLengthOf(ZOrganisationSettings, 'senderName')}
              defaultValue={values.senderName}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="senderEmail"
          label={labels.senderEmail}
          hint="The address in the From line. Your mail server must be allowed to send as it (SPF, DKIM), or mail may land in spam."
          errors={errors.senderEmail}
        >
          {(describedBy, isInvalid) => (
            <input
              type="email"
              id="senderEmail"
              name="senderEmail"
              required
              maxLength={maxLengthOf(ZOrganisationSettings, 'senderEmail')}
              defaultValue={values.senderEmail}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="contactEmail"
          label={`${labels.contactEmail} (optional)`}
          hint="Named on every requester page and in every email, for questions and complaints. Leave empty to show none."
          errors={errors.contactEmail}
        >
          {(describedBy, isInvalid) => (
            <input
              type="email"
              id="contactEmail"
              name="contactEmail"
              maxLength={254}
              defaultValue={values.contactEmail}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="privacyNoticeUrl"
          label={`${labels.privacyNoticeUrl} (optional)`}
          hint="Linked from every requester page and email, e.g. https://example.com/privacy."
          errors={errors.privacyNoticeUrl}
        >
          {(describedBy, isInvalid) => (
            <input
              type="url"
              id="privacyNoticeUrl"
              name="privacyNoticeUrl"
              maxLength={2000}
              defaultValue={values.privacyNoticeUrl}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="downloadDays"
          label={labels.downloadDays}
          hint="How long a requester can download a file sent with a fulfilment, 1 to 90."
          errors={errors.downloadDays}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="downloadDays"
              name="downloadDays"
              required
              min={1}
              max={90}
              defaultValue={values.downloadDays}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField id="maxDownloads" label={labels.maxDownloads} hint="1 to 100." errors={errors.maxDownloads}>
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="maxDownloads"
              name="maxDownloads"
              required
              min={1}
              max={100}
              defaultValue={values.maxDownloads}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="copyWaitDays"
          label={labels.copyWaitDays}
          hint="A deletion with a copy first is erased once the requester downloads the copy, or this many days after it is released: 1 to 90."
          errors={errors.copyWaitDays}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="copyWaitDays"
              name="copyWaitDays"
              required
              min={1}
              max={90}
              defaultValue={values.copyWaitDays}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="auditRetentionMonths"
          label={labels.auditRetentionMonths}
          hint="Request records and the event log, 24 to 240. CCPA requires at least 24 months."
          errors={errors.auditRetentionMonths}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="auditRetentionMonths"
              name="auditRetentionMonths"
              required
              min={24}
              max={240}
              defaultValue={values.auditRetentionMonths}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="personalDataRetentionDays"
          label={labels.personalDataRetentionDays}
          hint="30 to 3,650. After this many days a closed request loses the requester’s email, name, details, notes and files; its reference, type, dates and the systems searched or erased stay."
          errors={errors.personalDataRetentionDays}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="personalDataRetentionDays"
              name="personalDataRetentionDays"
              required
              min={30}
              max={3650}
              defaultValue={values.personalDataRetentionDays}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save settings'}
        </button>
      </form>
    </>
  );
}
