'use client';

import { useActionState } from 'react';
import { LinkProblem } from '../link-problem';
import { type ConfirmState, confirmVerificationAction } from './actions';

export function ConfirmForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState<ConfirmState, FormData>(confirmVerificationAction, {});
  if (state.problem) return <LinkProblem problem={state.problem} />;
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Confirming…' : 'Confirm my request'}
      </button>
    </form>
  );
}
