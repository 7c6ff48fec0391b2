'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { initialActionState } from '@/lib/http/run-action';
import { answerInformationRequestAction } from './actions';
import { ZAnswerInformationRequest } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

/** The requester's answer to staff's question. Works without JavaScript. */
export function ReplyForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(answerInformationRequestAction, initialActionState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={{ message: 'Your reply' }} />
      <input type="hidden" name="token" value={token} />
      <FormField id="message" label="Your reply" hint="We read it and carry on with your request." errors={state.fieldErrors?.message}>
        {(describedBy, isInvalid) => (
          <textarea
            id="message"
            name="message"
            maxLength={maxLengthOf(ZAnswerInformationRequest, 'message')}
            defaultValue={state.values?.message}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send reply'}
      </button>
    </form>
  );
}
