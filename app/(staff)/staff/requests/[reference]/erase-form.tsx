'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { FormProblem } from './form-problem';
import { startErasureAction } from './fulfilment-actions';

type EraseFormProps = {
  reference: string;
  version: number;
  /** Why the button is disabled (no successful dry run yet), or null when erasure may start. */
  blockedReason: string | null;
  /** What the latest dry run found, in one sentence. */
  dryRunSummary: string | null;
  /** Who is emailed when the erasure finishes (the requester's name and address). */
  requester: string;
};

/** Erasure cannot be undone: the agent ticks a confirmation first, and the button waits for a successful dry run. */
export function EraseForm({ reference, version, blockedReason, dryRunSummary, requester }: EraseFormProps) {
  const [state, formAction, isPending] = useActionState(startErasureAction, initialActionState);
  const confirmErrors = state.fieldErrors?.isConfirmed;
  const isBlocked = blockedReason !== null;
  return (
    <form action={formAction} className="request-action" aria-labelledby="erase-heading">
      <h4 id="erase-heading">Erase this person’s data</h4>
      <p className="warning">
        Erasure deletes or anonymises this person’s rows in every enabled source, as the dry run showed. It cannot be undone. When it
        finishes, {requester} is emailed the list of systems erased and the request closes.
      </p>
      {dryRunSummary ? <p>{dryRunSummary}</p> : null}
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <div className={confirmErrors?.length ? 'choice field--invalid' : 'choice'}>
        <input
          type="checkbox"
          id="erase-confirm"
          name="isConfirmed"
          value="yes"
          required
          disabled={isBlocked}
          aria-describedby={confirmErrors?.length ? 'erase-confirm-error' : undefined}
        />
        <label htmlFor="erase-confirm">I have checked the dry run and want to erase this person’s data now</label>
      </div>
      {confirmErrors?.length ? (
        <p className="field__error" id="erase-confirm-error">
          {confirmErrors.join(' ')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="erase-message">Message to the requester (optional)</label>
        <p className="field__hint" id="erase-message-hint">
          Sent with the confirmation email when the erasure completes, above the list of systems.
        </p>
        <textarea id="erase-message" name="message" rows={3} maxLength={5000} disabled={isBlocked} aria-describedby="erase-message-hint" />
      </div>
      {isBlocked ? (
        <p className="field__hint" id="erase-blocked">
          {blockedReason}
        </p>
      ) : null}
      <button
        type="submit"
        className="button--danger"
        disabled={isPending || isBlocked}
        aria-describedby={isBlocked ? 'erase-blocked' : undefined}
      >
        {isPending ? 'Starting erasure…' : 'Erase data'}
      </button>
    </form>
  );
}
