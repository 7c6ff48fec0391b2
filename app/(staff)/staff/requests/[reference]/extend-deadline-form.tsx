'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { extendDeadlineAction } from './actions';
import { FormProblem } from './form-problem';
import { ZExtendDeadline } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

export function ExtendDeadlineForm({ reference, version, extensionLimit }: { reference: string; version: number; extensionLimit: string }) {
  const [state, formAction, isPending] = useActionState(extendDeadlineAction, initialActionState);
  return (
    <form action={formAction} className="request-action" aria-labelledby="extend-deadline-heading">
      <h3 id="extend-deadline-heading">Extend the deadline</h3>
      <p className="field__hint">{extensionLimit} The requester is emailed the new due date and your reason, so write it for them.</p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <FormField id="extension-reason" label="Reason for the extension" errors={state.fieldErrors?.reason}>
        {(describedBy, isInvalid) => (
          <textarea
            id="extension-reason"
            name="reason"
            required
            maxLength={maxLengthOf(ZExtendDeadline, 'reason')}
            defaultValue={state.values?.reason}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Extending…' : 'Extend deadline'}
      </button>
    </form>
  );
}
