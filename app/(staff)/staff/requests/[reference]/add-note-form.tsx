'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { addNoteAction } from './actions';
import { FormProblem } from './form-problem';
import { ZAddNote } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

export function AddNoteForm({ reference }: { reference: string }) {
  const [state, formAction, isPending] = useActionState(addNoteAction, initialActionState);
  return (
    <form action={formAction}>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField
        id="note-body"
        label="New internal note"
        hint="Staff only: never shown or sent to the requester."
        errors={state.fieldErrors?.body}
        name="body"
        required
        maxLength={maxLengthOf(ZAddNote, 'body')}
        defaultValue={state.values?.body}
      />
      <button type="submit" className="button--secondary" disabled={isPending}>
        {isPending ? 'Adding…' : 'Add note'}
      </button>
    </form>
  );
}
