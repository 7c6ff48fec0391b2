'use client';

import { useActionState } from 'react';
import { type ActionState, initialActionState } from '../../action-state';
import { FormProblem } from './form-problem';

export type FulfilmentButtonFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  reference: string;
  version: number;
  /** Extra hidden fields (a run's id). */
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  hint?: string;
  isSecondary?: boolean;
};

/** A one-button fulfilment step (gather, dry run, retry): the page's version goes with it, a refusal shows above the button. */
export function FulfilmentButtonForm({
  action,
  reference,
  version,
  fields = {},
  label,
  pendingLabel,
  hint,
  isSecondary = false,
}: FulfilmentButtonFormProps) {
  const [state, formAction, isPending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="request-action">
      <FormProblem state={state} reference={reference} />
      {hint ? <p className="field__hint">{hint}</p> : null}
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={isSecondary ? 'button--secondary' : undefined} disabled={isPending}>
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}
