'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { revokeApiKeyAction } from './actions';

export function RevokeApiKeyForm({ id, name }: { id: string; name: string }) {
  const [state, formAction, isPending] = useActionState(revokeApiKeyAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction}>
        <ActionProblems state={state} labels={{}} />
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button--danger button--small" disabled={isPending} aria-label={`Revoke ${name}`}>
          {isPending ? 'Revoking…' : 'Revoke'}
        </button>
      </form>
    </>
  );
}
