'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { redeliverEventAction } from '../actions';

/** Stays mounted while the delivery waits (without its button), so the notice saying it was queued is still there to read. */
export function RedeliverForm({
  subscriptionId,
  deliveryId,
  label,
  isWaiting,
}: {
  subscriptionId: string;
  deliveryId: string;
  label: string;
  isWaiting: boolean;
}) {
  const [state, formAction, isPending] = useActionState(redeliverEventAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      {isWaiting ? null : (
        <form action={formAction}>
          <ActionProblems state={state} labels={{}} />
          <input type="hidden" name="subscriptionId" value={subscriptionId} />
          <input type="hidden" name="deliveryId" value={deliveryId} />
          <button type="submit" className="button--small" disabled={isPending} aria-label={label}>
            {isPending ? 'Queuing…' : 'Redeliver'}
          </button>
        </form>
      )}
    </>
  );
}
