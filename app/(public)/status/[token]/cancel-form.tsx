'use client';

import { useActionState } from 'react';
import { initialActionState } from '@/lib/http/run-action';
import { cancelRequestAction } from './actions';

/** Two steps (open, then confirm) so a stray click cannot withdraw a request. Works without JavaScript. */
export function CancelForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(cancelRequestAction, initialActionState);
  return (
    <details className="danger-zone">
      <summary>Cancel request</summary>
      <p>If you cancel, we stop working on this request. You can make a new request at any time.</p>
      {state.formError ? (
        <p className="field__error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <form action={formAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button--danger" disabled={isPending}>
          {isPending ? 'Cancelling…' : 'Yes, cancel this request'}
        </button>
      </form>
    </details>
  );
}
