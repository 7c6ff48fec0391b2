'use client';

import { useActionState } from 'react';
import { InputField, TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { extendDeadlineAction } from './actions';
import { FormProblem } from './form-problem';
import { ZExtendDeadline } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

type ExtendDeadlineFormProps = {
  reference: string;
  version: number;
  extensionLimit: string;
  /** The current due date; the new one must be later. */
  dueOn: string;
  /** The latest date the deadline rules allow (the default): extendDeadline refuses anything later. */
  maxDueOn: string;
};

export function ExtendDeadlineForm({ reference, version, extensionLimit, dueOn, maxDueOn }: ExtendDeadlineFormProps) {
  const [state, formAction, isPending] = useActionState(extendDeadlineAction, initialActionState);
  return (
    <form action={formAction} className="request-action" aria-labelledby="extend-deadline-heading">
      <h3 id="extend-deadline-heading">Extend the deadline</h3>
      <p className="field__hint">{extensionLimit} The requester is emailed the new due date and your reason, so write it for them.</p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <InputField
        id="extension-due-on"
        label="New due date"
        hint={`Any day after ${dueOn}, up to ${maxDueOn}: the legal maximum.`}
        errors={state.fieldErrors?.dueOn}
        type="date"
        name="dueOn"
        required
        min={addOneDay(dueOn)}
        max={maxDueOn}
        defaultValue={state.values?.dueOn ?? maxDueOn}
      />
      <TextAreaField
        id="extension-reason"
        label="Reason for the extension"
        errors={state.fieldErrors?.reason}
        name="reason"
        required
        maxLength={maxLengthOf(ZExtendDeadline, 'reason')}
        defaultValue={state.values?.reason}
      />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Extending…' : 'Extend deadline'}
      </button>
    </form>
  );
}

function addOneDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
