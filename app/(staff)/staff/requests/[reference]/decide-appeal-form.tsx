'use client';

import { useActionState } from 'react';
import { InputField, TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { decideAppealAction } from './actions';
import { FormProblem } from './form-problem';

/** Grant or deny an appeal. The server refuses the refuser (an admin may override with a reason). */
export function DecideAppealForm({
  reference,
  version,
  appealOf,
  canOverride,
}: {
  reference: string;
  version: number;
  appealOf: string;
  canOverride: boolean;
}) {
  const [state, formAction, isPending] = useActionState(decideAppealAction, initialActionState);
  const outcomeErrors = state.fieldErrors?.outcome;
  return (
    <form action={formAction} className="request-action" aria-labelledby="decide-appeal-heading">
      <h3 id="decide-appeal-heading">Decide the appeal</h3>
      <p className="field__hint">
        Granting reopens {appealOf} for you to act on; denying keeps the refusal. Either way the requester is emailed your message. The
        person who refused the request may not decide its appeal.
      </p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <fieldset
        className={outcomeErrors?.length ? 'field field--invalid' : 'field'}
        aria-describedby={outcomeErrors?.length ? 'appeal-outcome-error' : undefined}
      >
        <legend>Decision</legend>
        {outcomeErrors?.length ? (
          <p className="field__error" id="appeal-outcome-error">
            {outcomeErrors.join(' ')}
          </p>
        ) : null}
        <div className="choice">
          <input type="radio" id="appeal-grant" name="outcome" value="granted" defaultChecked={state.values?.outcome === 'granted'} />
          <label htmlFor="appeal-grant">Grant: reopen {appealOf}</label>
        </div>
        <div className="choice">
          <input type="radio" id="appeal-deny" name="outcome" value="denied" defaultChecked={state.values?.outcome === 'denied'} />
          <label htmlFor="appeal-deny">Deny: keep the refusal</label>
        </div>
      </fieldset>
      <TextAreaField
        id="appeal-message"
        label="Message to the requester"
        errors={state.fieldErrors?.message}
        name="message"
        maxLength={5000}
        defaultValue={state.values?.message}
      />
      {canOverride ? (
        <InputField
          id="appeal-override"
          label="If you refused the request yourself: why you decide its appeal (optional)"
          errors={state.fieldErrors?.overrideReason}
          type="text"
          name="overrideReason"
          maxLength={1000}
          defaultValue={state.values?.overrideReason}
        />
      ) : null}
      <button type="submit" disabled={isPending}>
        {isPending ? 'Saving…' : 'Decide appeal'}
      </button>
    </form>
  );
}
