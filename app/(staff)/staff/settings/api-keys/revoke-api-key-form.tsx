'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { revokeApiKeyAction } from './actions';

/** Stays mounted once the key is revoked (without its button), so the notice saying so is still there to read. */
export function RevokeApiKeyForm({ id, name, isRevoked }: { id: string; name: string; isRevoked: boolean }) {
  const [state, formAction, isPending] = useActionState(revokeApiKeyAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      {isRevoked ? null : (
        <form action={formAction}>
          <ActionProblems state={state} labels={{}} />
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="button--danger button--small" disabled={isPending} aria-label={`Revoke ${name}`}>
            {isPending ? 'Revoking…' : 'Revoke'}
          </button>
        </form>
      )}
    </>
  );
}
