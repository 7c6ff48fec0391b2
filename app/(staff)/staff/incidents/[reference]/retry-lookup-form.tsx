'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { retryAffectedLookupAction } from '../actions';

/** "Run again" beside a failed search: the same source and filter, as a new search. */
export function RetryLookupForm({ reference, lookupId, sourceName }: { reference: string; lookupId: string; sourceName: string }) {
  const [state, action, isPending] = useActionState(retryAffectedLookupAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      <form action={action} noValidate aria-label={`Run the search in ${sourceName} again`}>
        <ActionProblems state={state} labels={{}} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="lookupId" value={lookupId} />
        <button type="submit" className="button button--secondary" disabled={isPending}>
          Run again
        </button>
      </form>
    </>
  );
}
