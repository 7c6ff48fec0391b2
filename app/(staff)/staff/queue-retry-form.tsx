'use client';

import { useActionState } from 'react';
import { initialActionState } from './action-state';
import { type RetryState, retryRequestEmailsAction } from './actions';

/** Retry on a flagged row: sends the request's undelivered emails again. */
export function QueueRetryForm({ reference }: { reference: string }) {
  const [state, formAction, isPending] = useActionState<RetryState, FormData>(retryRequestEmailsAction, initialActionState);
  return (
    <form action={formAction} className="queue-retry">
      <input type="hidden" name="reference" value={reference} />
      <button type="submit" className="button--secondary button--small" disabled={isPending} aria-label={`Retry ${reference}`}>
        {isPending ? 'Retrying…' : 'Retry'}
      </button>
      <span aria-live="polite" className={state.formError ? 'field__error' : undefined}>
        {state.formError ?? state.notice ?? ''}
      </span>
    </form>
  );
}
