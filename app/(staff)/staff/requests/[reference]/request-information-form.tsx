'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { requestInformationAction } from './actions';
import { FormProblem } from './form-problem';
import { ZRequestInformation } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

export function RequestInformationForm({ reference, version, isClockStopAllowed }: { reference: string; version: number; isClockStopAllowed: boolean }) {
  const [state, formAction, isPending] = useActionState(requestInformationAction, initialActionState);
  return (
    <form action={formAction} className="request-action" aria-labelledby="request-information-heading">
      <h3 id="request-information-heading">Request more information</h3>
      <p className="field__hint">
        The requester is emailed your question and answers it on their status page.{' '}
        {isClockStopAllowed ? 'This request’s rules allow stopping the clock: the deadline moves on by the days you wait.' : 'The deadline keeps running while you wait.'}
      </p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <FormField id="information-message" label="Your question to the requester" errors={state.fieldErrors?.message}>
        {(describedBy, isInvalid) => (
          <textarea id="information-message" name="message" required maxLength={maxLengthOf(ZRequestInformation, 'message')} defaultValue={state.values?.message} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send question'}
      </button>
    </form>
  );
}
