'use client';

import { useActionState } from 'react';
import { InputField, TextAreaField } from '@/components/form-field';
import type { JurisdictionOption } from '@/components/jurisdiction-field';
import { RadioFieldset } from '@/components/radio-fieldset';
import { RequestFields } from '@/components/request-fields';
import { CorrectionFields } from '@/components/correction-fields';
import { EvidenceFileField } from '@/components/evidence-file-field';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { intakeChannelLabels, intakeChannels, ZFileOnBehalf } from '@/lib/validation/staff-actions';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
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
  agentName: 'Agent’s name',
  agentEmail: 'Agent’s email address',
  agentOrganisation: 'Agent’s organisation',
  agentHasPowerOfAttorney: 'Power of attorney',
  agentPermission: 'Signed permission',
  copyBeforeErasure: 'Copy before erasure',
  correctionFields: 'Fields to correct',
  correctionAttachments: 'Documents',
};

const correctionLabels = {
  legend: 'Correction only: fields to correct (optional)',
  hint: 'One line per field: its name (e.g. “postal address”), what it says now if known, and what it should be. The details above may say it instead.',
  field: 'Field',
  currentValue: 'Says now',
  shouldBe: 'Should be',
  attachments: 'Documents showing the right value (optional)',
  attachmentsHint:
    'PDF, JPEG or PNG files under 10 MB each, at most 5. Only the assigned agent and admins can open them. Choose them again if the form shows a problem.',
};

const limits = {
  email: maxLengthOf(ZFileOnBehalf, 'email'),
  fullName: maxLengthOf(ZFileOnBehalf, 'fullName'),
  accountIdentifier: maxLengthOf(ZFileOnBehalf, 'accountIdentifier'),
  details: maxLengthOf(ZFileOnBehalf, 'details'),
};

export function FileOnBehalfForm({ jurisdictions, today }: { jurisdictions: JurisdictionOption[]; today: string }) {
  const [state, formAction, isPending] = useActionState(fileOnBehalfAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  return (
    // The key remounts the form after each failed submit so the kept values show as defaults.
    <form action={formAction} noValidate key={JSON.stringify(values)}>
      <ActionProblems state={state} labels={labels} />
      <ActionNotice state={state} />

      <RequestFields
        labels={labels}
        hints={{
          email: 'The acknowledgement and the private status link go here.',
          accountIdentifier: 'A customer number or username, if they gave one.',
          jurisdiction: 'Sets the legal deadline.',
          details: 'What they asked for, in their words where possible.',
        }}
        limits={limits}
        jurisdictions={jurisdictions}
        values={values}
        errors={errors}
        isOwnDetails={false}
        beforeDetails={
          <>
            <InputField
              id="receivedOn"
              label={labels.receivedOn}
              hint="The deadline counts from this day. It cannot be in the future."
              errors={errors.receivedOn}
              type="date"
              required
              max={today}
              defaultValue={values.receivedOn ?? today}
              className="input--short"
            />

            <RadioFieldset
              name="intakeChannel"
              legend={labels.intakeChannel}
              options={intakeChannels.map((channel) => ({ value: channel, label: intakeChannelLabels[channel] }))}
              checked={values.intakeChannel}
              errors={errors.intakeChannel}
            />

            <TextAreaField
              id="identityCheck"
              label={labels.identityCheck}
              hint="Required: the request skips email confirmation only on this record. For example, “Called back on the phone number on the account and confirmed date of birth and last order”."
              errors={errors.identityCheck}
              required
              maxLength={maxLengthOf(ZFileOnBehalf, 'identityCheck')}
              defaultValue={values.identityCheck}
            />
          </>
        }
      />

      <CorrectionFields labels={correctionLabels} values={values} errors={errors} />

      <div className={errors.copyBeforeErasure ? 'field field--invalid' : 'field'}>
        {errors.copyBeforeErasure ? (
          <p className="field__error" id="copyBeforeErasure-error">
            {errors.copyBeforeErasure.join(' ')}
          </p>
        ) : null}
        <label>
          <input
            type="checkbox"
            name="copyBeforeErasure"
            defaultChecked={state.values?.copyBeforeErasure === 'on'}
            aria-describedby={errors.copyBeforeErasure ? 'copyBeforeErasure-error' : undefined}
          />{' '}
          Deletion only: the person wants a copy of their data before it is erased
        </label>
      </div>

      <fieldset className="agent-fields">
        <legend>Filed by an authorised agent (optional)</legend>
        <p className="field__hint">
          The email above is the person’s own. Unless you checked a power of attorney, they are emailed to confirm the request themselves;
          the agent gets their own link showing status and messages only.
        </p>
        {(['agentName', 'agentEmail', 'agentOrganisation'] as const).map((field) => (
          <InputField
            key={field}
            id={field}
            label={labels[field]!}
            errors={state.fieldErrors?.[field]}
            maxLength={254}
            defaultValue={state.values?.[field]}
          />
        ))}
        <EvidenceFileField
          name="agentPermission"
          label={labels.agentPermission}
          hint="The person’s signed permission for the agent: a PDF, JPEG or PNG under 10 MB. Required unless you checked a power of attorney. Only the assigned agent and admins can open it; it is deleted a few days after identity is decided or the request closes. Choose it again if the form shows a problem."
          errors={errors.agentPermission}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="agentHasPowerOfAttorney" defaultChecked={state.values?.agentHasPowerOfAttorney === 'on'} /> I
            checked a power of attorney for this agent
          </label>
        </div>
      </fieldset>

      <button type="submit" disabled={isPending}>
        {isPending ? 'Filing…' : 'File request'}
      </button>
    </form>
  );
}
