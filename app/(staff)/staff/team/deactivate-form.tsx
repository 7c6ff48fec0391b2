'use client';

import { useActionState } from 'react';
import { initialActionState } from '../action-state';
import { deactivateStaffMemberAction } from './actions';

/** The second press of a deactivation: the page only shows this after "Deactivate…" was chosen for the member. */
export function DeactivateForm({ staffId, email }: { staffId: string; email: string }) {
  const [state, formAction, isPending] = useActionState(deactivateStaffMemberAction, initialActionState);
  return (
    <form action={formAction}>
      {state.formError ? (
        <div className="error-summary" role="alert">
          <h2>{state.formError}</h2>
        </div>
      ) : null}
      <input type="hidden" name="staffId" value={staffId} />
      <button type="submit" className="button--danger" disabled={isPending}>
        {isPending ? 'Deactivating…' : `Yes, deactivate ${email}`}
      </button>
    </form>
  );
}
