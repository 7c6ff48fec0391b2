'use client';

import { useActionState } from 'react';
import { initialActionState } from '@/lib/http/run-action';
import { answerProcessorNoticeAction } from './actions';

/** Two answers, one optional note. Only this POST answers: a link scanner opening the page changes nothing. */
export function AnswerForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(answerProcessorNoticeAction, initialActionState);
  return (
    <form action={formAction} className="stack">
      {state.formError ? (
        <p className="field__error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="note">Note (optional)</label>
        <textarea id="note" name="note" rows={3} maxLength={1000} defaultValue={state.values?.note ?? ''} />
      </div>
      <div className="button-row">
        <button type="submit" name="answer" value="erased" disabled={isPending}>
          We have erased this person’s data
        </button>
        <button type="submit" name="answer" value="held_nothing" className="button--secondary" disabled={isPending}>
          We hold no data about this person
        </button>
      </div>
    </form>
  );
}
