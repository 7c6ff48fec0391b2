'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { type FindRequestState, findRequestAction } from './actions';

const labels = { email: 'Email address', reference: 'Reference (optional)' };

export function FindRequestForm() {
  const [state, formAction, isPending] = useActionState<FindRequestState, FormData>(findRequestAction, {});
  if (state.isSent) {
    return (
      <div className="notice notice--ok" role="status">
        <p>
          If <strong>{state.values?.email}</strong> has an open or recently closed request with us, we have emailed it the links to follow
          each one. A request still waiting for confirmation gets a new confirmation link.
        </p>
        <p>Nothing arrived after a few minutes? Check your spam folder, or try the address you may have used instead.</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={labels} />
      <FormField id="email" label={labels.email} hint="The address you made the request with." errors={state.fieldErrors?.email}>
        {(describedBy, isInvalid) => (
          <input
            type="email"
            id="email"
            name="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={state.values?.email}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
      <FormField
        id="reference"
        label={labels.reference}
        hint="Like DSR-2026-000123, from one of our emails. Leave it empty to get every request."
        errors={state.fieldErrors?.reference}
      >
        {(describedBy, isInvalid) => (
          <input
            type="text"
            id="reference"
            name="reference"
            maxLength={40}
            spellCheck={false}
            defaultValue={state.values?.reference}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Email me my links'}
      </button>
    </form>
  );
}
