'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { type AppealState, appealRequestAction } from './actions';

/** The requester's appeal of a refusal, with their reason. Works without JavaScript. */
export function AppealForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState<AppealState, FormData>(appealRequestAction, {});
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={{ reason: 'Why you disagree' }} />
      <input type="hidden" name="token" value={token} />
      <FormField
        id="reason"
        label="Why you disagree"
        hint="A member of our team who did not make the decision will look at it again."
        errors={state.fieldErrors?.reason}
      >
        {(describedBy, isInvalid) => (
          <textarea
            id="reason"
            name="reason"
            maxLength={5000}
            defaultValue={state.values?.reason}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Appeal'}
      </button>
    </form>
  );
}
