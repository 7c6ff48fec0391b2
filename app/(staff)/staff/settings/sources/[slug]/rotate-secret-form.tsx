'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { rotateSigningSecretAction } from '../actions';
import { OneTimeSecret } from '../one-time-secret';

/** Makes a new signing secret and shows it once; the old one stops working at once. */
export function RotateSecretForm({ slug, version }: { slug: string; version: number }) {
  const [state, formAction, isPending] = useActionState(rotateSigningSecretAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      {state.oneTimeSecret ? <OneTimeSecret secret={state.oneTimeSecret} /> : null}
      <form action={formAction}>
        <ActionProblems state={state} labels={{}} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button--danger button--small" disabled={isPending}>
          {isPending ? 'Making a new secret…' : 'Make a new signing secret'}
        </button>
      </form>
    </>
  );
}
