'use client';

import { useActionState } from 'react';
import { initialActionState } from '@/lib/http/run-action';
import type { ProcessorTopic } from '@/lib/processors/processor-topics';
import { answerProcessorNoticeAction } from './actions';

/** The answer that says it was done, per topic (the other answer, "we hold nothing", is the same for both). */
const doneAnswers = {
  erasure: { value: 'erased', label: 'We have erased this person’s data' },
  correction: { value: 'corrected', label: 'We have corrected this person’s data' },
} as const satisfies Record<ProcessorTopic, { value: string; label: string }>;

/** Two answers, one optional note. Only this POST answers: a link scanner opening the page changes nothing. */
export function AnswerForm({ token, topic }: { token: string; topic: ProcessorTopic }) {
  const done = doneAnswers[topic];
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
        <button type="submit" name="answer" value={done.value} disabled={isPending}>
          {done.label}
        </button>
        <button type="submit" name="answer" value="held_nothing" className="button--secondary" disabled={isPending}>
          We hold no data about this person
        </button>
      </div>
    </form>
  );
}
