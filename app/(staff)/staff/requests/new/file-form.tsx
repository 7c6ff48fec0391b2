'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { type JurisdictionOption, JurisdictionField } from '@/components/jurisdiction-field';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { intakeChannelLabels, intakeChannels, ZFileOnBehalf } from '@/lib/validation/staff-actions';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { initialActionState } from '../../action-state';
import { ActionProblems } from '../../form-feedback';
import { RadioFieldset } from '../../radio-fieldset';
import { fileOnBehalfAction } from './actions';

const labels = {
  type: 'Type of request',
  email: 'Requester’s email address',
  fullName: 'Full name',
  accountIdentifier: 'Account identifier',
  details: 'Details',
  jurisdiction: 'Jurisdiction',
  receivedOn: 'Date received',
  intakeChannel: 'How the request reached us',
  identityCheck: 'How identity was checked',
};

export function FileOnBehalfForm({ jurisdictions, today }: { jurisdictions: JurisdictionOption[]; today: string }) {
  const [state, formAction, isPending] = useActionState(fileOnBehalfAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  return (
    // The key remounts the form after each failed submit so the kept values show as defaults.
    <form action={formAction} noValidate key={JSON.stringify(values)}>
      <ActionProblems state={state} labels={labels} />

      <RadioFieldset
        name="type"
        legend={labels.type}
        options={requestTypes.map((type) => ({ value: type, label: <><strong>{requestTypeLabels[type].title}</strong> — {requestTypeLabels[type].description}</> }))}
        checked={values.type}
        errors={errors.type}
      />

      <FormField id="email" label={labels.email} hint="The acknowledgement and the private status link go here." errors={errors.email}>
        {(describedBy, isInvalid) => (
          <input type="email" id="email" name="email" autoComplete="off" required maxLength={maxLengthOf(ZFileOnBehalf, 'email')} defaultValue={values.email} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <FormField id="fullName" label={labels.fullName} errors={errors.fullName}>
        {(describedBy, isInvalid) => (
          <input type="text" id="fullName" name="fullName" autoComplete="off" required maxLength={maxLengthOf(ZFileOnBehalf, 'fullName')} defaultValue={values.fullName} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <FormField id="accountIdentifier" label={`${labels.accountIdentifier} (optional)`} hint="A customer number or username, if they gave one." errors={errors.accountIdentifier}>
        {(describedBy, isInvalid) => (
          <input type="text" id="accountIdentifier" name="accountIdentifier" autoComplete="off" maxLength={maxLengthOf(ZFileOnBehalf, 'accountIdentifier')} defaultValue={values.accountIdentifier} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <JurisdictionField label={labels.jurisdiction} hint="Sets the legal deadline." jurisdictions={jurisdictions} value={values.jurisdiction} errors={errors.jurisdiction} />

      <FormField id="receivedOn" label={labels.receivedOn} hint="The deadline counts from this day. It cannot be in the future." errors={errors.receivedOn}>
        {(describedBy, isInvalid) => (
          <input type="date" id="receivedOn" name="receivedOn" required max={today} defaultValue={values.receivedOn ?? today} aria-describedby={describedBy} aria-invalid={isInvalid} className="input--short" />
        )}
      </FormField>

      <RadioFieldset
        name="intakeChannel"
        legend={labels.intakeChannel}
        options={intakeChannels.map((channel) => ({ value: channel, label: intakeChannelLabels[channel] }))}
        checked={values.intakeChannel}
        errors={errors.intakeChannel}
      />

      <FormField
        id="identityCheck"
        label={labels.identityCheck}
        hint="Required: the request skips email confirmation only on this record. For example, “Called back on the phone number on the account and confirmed date of birth and last order”."
        errors={errors.identityCheck}
      >
        {(describedBy, isInvalid) => (
          <textarea id="identityCheck" name="identityCheck" required maxLength={maxLengthOf(ZFileOnBehalf, 'identityCheck')} defaultValue={values.identityCheck} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <FormField id="details" label={`${labels.details} (optional)`} hint="What they asked for, in their words where possible." errors={errors.details}>
        {(describedBy, isInvalid) => <textarea id="details" name="details" maxLength={maxLengthOf(ZFileOnBehalf, 'details')} defaultValue={values.details} aria-describedby={describedBy} aria-invalid={isInvalid} />}
      </FormField>

      <button type="submit" disabled={isPending}>
        {isPending ? 'Filing…' : 'File request'}
      </button>
    </form>
  );
}
