'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { retryRequestEmailsAction } from './actions';
import { FormProblem } from './form-problem';

export function RetryEmailsForm({ reference }: { reference: string }) {
  const [state, formAction, isPending] = useActionState(retryRequestEmailsAction, initialActionState);
  return (
    <form action={formAction}>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Retrying…' : 'Retry'}
      </button>
    </form>
  );
}
