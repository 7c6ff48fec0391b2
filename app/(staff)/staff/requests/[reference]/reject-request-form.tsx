'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-field';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { rejectionBases, rejectionBasisLabels, ZRejectRequest } from '@/lib/validation/staff-actions';
import { initialActionState } from '../../action-state';
import { rejectRequestAction } from './actions';
import { FormProblem } from './form-problem';

type RejectRequestFormProps = { reference: string; version: number; requester: string };

/** Rejecting closes the request and emails the requester: the form says so, to whom, and needs a tick the server checks. */
export function RejectRequestForm({ reference, version, requester }: RejectRequestFormProps) {
  const [state, formAction, isPending] = useActionState(rejectRequestAction, initialActionState);
  const basisErrors = state.fieldErrors?.basis;
  return (
    <form action={formAction} className="request-action" aria-labelledby="reject-heading">
      <h3 id="reject-heading">Reject the request</h3>
      <p className="warning">
        This closes {reference} and emails the reason to {requester}. It cannot be undone (the requester may appeal where the rules allow).
      </p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <fieldset
        className={basisErrors?.length ? 'field field--invalid' : 'field'}
        aria-describedby={basisErrors?.length ? 'reject-basis-error' : undefined}
      >
        <legend>Reason</legend>
        {basisErrors?.length ? (
          <p className="field__error" id="reject-basis-error">
            {basisErrors.join(' ')}
          </p>
        ) : null}
        {rejectionBases.map((basis) => (
          <div className="choice" key={basis}>
            <input type="radio" id={`basis-${basis}`} name="basis" value={basis} required defaultChecked={state.values?.basis === basis} />
            <label htmlFor={`basis-${basis}`}>{rejectionBasisLabels[basis]}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id="reject-message"
        label="Explanation for the requester (optional)"
        errors={state.fieldErrors?.message}
        name="message"
        maxLength={maxLengthOf(ZRejectRequest, 'message')}
        defaultValue={state.values?.message}
      />
      <div className={state.fieldErrors?.isConfirmed?.length ? 'choice field--invalid' : 'choice'}>
        <input
          type="checkbox"
          id="reject-confirm"
          name="isConfirmed"
          value="yes"
          required
          aria-describedby={state.fieldErrors?.isConfirmed?.length ? 'reject-confirm-error' : undefined}
        />
        <label htmlFor="reject-confirm">
          Yes, close {reference} and email {requester}
        </label>
      </div>
      {state.fieldErrors?.isConfirmed?.length ? (
        <p className="field__error" id="reject-confirm-error">
          {state.fieldErrors.isConfirmed.join(' ')}
        </p>
      ) : null}
      <button type="submit" className="button--danger" disabled={isPending}>
        {isPending ? 'Rejecting…' : 'Reject request'}
      </button>
    </form>
  );
}
