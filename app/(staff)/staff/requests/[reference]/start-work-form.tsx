'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { startWorkAction } from './actions';
import { FormProblem } from './form-problem';

export function StartWorkForm({ reference, version }: { reference: string; version: number }) {
  const [state, formAction, isPending] = useActionState(startWorkAction, initialActionState);
  return (
    <form action={formAction} className="request-action">
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Starting…' : 'Start work'}
      </button>
    </form>
  );
}
