'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { type NewLinkState, requestNewLinkAction } from './actions';

export function NewLinkForm() {
  const [state, formAction, isPending] = useActionState<NewLinkState, FormData>(requestNewLinkAction, {});
  if (state.isSent) {
    return (
      <div className="notice notice--ok" role="status">
        <p>If that address has a request waiting for confirmation, we have sent it a new link. Only the newest link works.</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={{ email: 'Email address' }} />
      <FormField id="email" label="Email address" errors={state.fieldErrors?.email}>
        {(describedBy, isInvalid) => (
          <input type="email" id="email" name="email" autoComplete="email" required defaultValue={state.email} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send me a new link'}
      </button>
    </form>
  );
}
