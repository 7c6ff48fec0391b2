'use client';

import { useActionState } from 'react';
import { initialActionState } from './action-state';
import { type ClaimState, claimNextAction } from './actions';

/** "Claim next request": the server picks the most urgent unassigned request and opens it. */
export function QueueClaimForm() {
  const [state, formAction, isPending] = useActionState<ClaimState, FormData>(claimNextAction, initialActionState);
  return (
    <form action={formAction} className="queue-claim">
      <button type="submit" disabled={isPending} data-queue-claim="">
        {isPending ? 'Claiming…' : 'Claim next request'}
      </button>
      <div aria-live="polite">
        {state.formError ? (
          <p className="field__error" role="alert">
            {state.formError}
          </p>
        ) : state.notice ? (
          <p className="notice">{state.notice}</p>
        ) : null}
      </div>
    </form>
  );
}
