'use client';

import { useActionState } from 'react';
import { FormField, TextAreaField } from '@/components/form-field';
import { pauseKindLabels } from '@/lib/deadlines/pause-kind-labels';
import { type PauseKind, pauseKinds } from '@/lib/validation/deadline-policy';
import { initialActionState } from '../../action-state';
import { requestInformationAction } from './actions';
import { FormProblem } from './form-problem';
import { ZRequestInformation } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

export function RequestInformationForm({
  reference,
  version,
  clockStopKinds,
}: {
  reference: string;
  version: number;
  clockStopKinds: readonly PauseKind[];
}) {
  const [state, formAction, isPending] = useActionState(requestInformationAction, initialActionState);
  return (
    <form action={formAction} className="request-action" aria-labelledby="request-information-heading">
      <h3 id="request-information-heading">Request more information</h3>
      <p className="field__hint">
        The requester is emailed your question and answers it on their status page.{' '}
        {clockStopKinds.length > 0
          ? `This request’s rules stop the clock while you wait for ${clockStopKinds.map((kind) => pauseKindLabels[kind].toLowerCase()).join(' or ')}: the deadline moves on by the days you wait. For anything else it keeps running.`
          : 'The deadline keeps running while you wait, whatever you ask for.'}
      </p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <FormField id="information-pause-kind" label="What you are waiting for" errors={state.fieldErrors?.pauseKind}>
        {(describedBy, isInvalid) => (
          <select
            id="information-pause-kind"
            name="pauseKind"
            defaultValue={state.values?.pauseKind ?? 'clarification'}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          >
            {pauseKinds.map((kind) => (
              <option key={kind} value={kind}>
                {pauseKindLabels[kind]}
                {clockStopKinds.includes(kind) ? ' (stops the clock)' : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextAreaField
        id="information-message"
        label="Your question to the requester"
        errors={state.fieldErrors?.message}
        name="message"
        required
        maxLength={maxLengthOf(ZRequestInformation, 'message')}
        defaultValue={state.values?.message}
      />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send question'}
      </button>
    </form>
  );
}
