'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { FormProblem } from './form-problem';
import { confirmManualSourceAction } from './fulfilment-actions';
import { ZConfirmManualSource } from '@/lib/validation/fulfilment';
import { maxLengthOf } from '@/lib/validation/max-length-of';

type ConfirmManualSourceFormProps = {
  reference: string;
  version: number;
  resultId: string;
  sourceName: string;
  isErasure: boolean;
  /** The erasure's last open item, with who is emailed when it closes the request; null otherwise. */
  closesRequestFor: string | null;
};

/** A manual checklist item: the agent does what the instructions say, then records it with a note. */
export function ConfirmManualSourceForm({
  reference,
  version,
  resultId,
  sourceName,
  isErasure,
  closesRequestFor,
}: ConfirmManualSourceFormProps) {
  const [state, formAction, isPending] = useActionState(confirmManualSourceAction, initialActionState);
  const noteId = `confirm-note-${resultId}`;
  return (
    <form action={formAction} className="request-action" aria-label={`Confirm ${sourceName}`}>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="resultId" value={resultId} />
      <TextAreaField
        id={noteId}
        label={`What you ${isErasure ? 'did' : 'found'} in ${sourceName}`}
        hint={isErasure ? 'Kept in the audit trail and the request record.' : 'Included in the package the requester receives.'}
        errors={state.fieldErrors?.note}
        name="note"
        required
        maxLength={maxLengthOf(ZConfirmManualSource, 'note')}
        defaultValue={state.values?.note}
      />
      {closesRequestFor ? (
        <>
          <p className="warning">
            This is the last item: confirming it completes the erasure, closes {reference} and emails {closesRequestFor} the list of systems
            erased.
          </p>
          <div className={state.fieldErrors?.isConfirmed?.length ? 'choice field--invalid' : 'choice'}>
            <input type="checkbox" id={`${noteId}-confirm`} name="isConfirmed" value="yes" required />
            <label htmlFor={`${noteId}-confirm`}>Yes, close the request and email {closesRequestFor}</label>
          </div>
          {state.fieldErrors?.isConfirmed?.length ? <p className="field__error">{state.fieldErrors.isConfirmed.join(' ')}</p> : null}
        </>
      ) : null}
      <button type="submit" disabled={isPending}>
        {isPending ? 'Confirming…' : `Confirm ${sourceName}`}
      </button>
    </form>
  );
}
