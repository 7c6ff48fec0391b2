'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/form-field';
import { apiScopeLabels, apiScopes } from '@/lib/staff/permissions';
import { apiKeyExpiryChoices } from '@/lib/validation/api-keys';
import { initialActionState } from '../../action-state';
import { CheckboxFieldset } from '@/components/checkbox-group';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { RadioFieldset } from '@/components/radio-fieldset';
import { OneTimeSecret } from '../sources/one-time-secret';
import { createApiKeyAction } from './actions';

const labels = { name: 'Name', scopes: 'Scopes', expiresIn: 'Expires' };
const expiryLabels: Record<(typeof apiKeyExpiryChoices)[number], string> = {
  '30': 'In 30 days',
  '90': 'In 90 days',
  '365': 'In a year',
  '730': 'In two years',
  never: 'Never',
};

export function CreateApiKeyForm() {
  const [state, formAction, isPending] = useActionState(createApiKeyAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ActionNotice state={state} />
      {state.oneTimeSecret ? (
        <OneTimeSecret
          secret={state.oneTimeSecret}
          label="API key"
          hint="Copy it into the other system now; it sends it as “Authorization: Bearer <key>”. If it is lost, revoke it and make a new one."
        />
      ) : null}
      <form action={formAction} noValidate key={JSON.stringify(state)} aria-labelledby="new-key-heading">
        <ActionProblems state={state} labels={labels} />
        <InputField
          id="name"
          label={labels.name}
          hint="Which system uses it: the audit trail names the key in every event it causes."
          errors={errors.name}
          type="text"
          autoComplete="off"
          required
          maxLength={100}
          defaultValue={values.name}
        />
        <CheckboxFieldset
          name="scopes"
          legend={labels.scopes}
          options={apiScopes.map((scope) => ({ value: scope, label: apiScopeLabels[scope] }))}
          checked={(scope) => values[`scopes:${scope}`] === 'on'}
          errors={errors.scopes}
        />
        <RadioFieldset
          name="expiresIn"
          legend={labels.expiresIn}
          options={apiKeyExpiryChoices.map((value) => ({ value, label: expiryLabels[value] }))}
          checked={values.expiresIn ?? '365'}
          errors={errors.expiresIn}
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Making the key…' : 'Make an API key'}
        </button>
      </form>
    </>
  );
}
