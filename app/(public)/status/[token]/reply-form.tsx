'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import { FormField } from '@/components/form-field';
import { initialActionState } from '@/lib/http/run-action';
import { answerInformationRequestAction } from './actions';
import { ZAnswerInformationRequest } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

/** The requester's answer to staff's question. Works without JavaScript. */
export function ReplyForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(answerInformationRequestAction, initialActionState);
  const t = useTranslations('statusPage.reply');
  const tForm = useTranslations('form');
  const translateMessage = useValidationMessage();
  const fieldErrors = useTranslatedFieldErrors()<'message'>(state.fieldErrors);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        message={state.formError && translateMessage(state.formError)}
        fieldErrors={fieldErrors}
        labels={{ message: t('label') }}
      />
      <input type="hidden" name="token" value={token} />
      <FormField id="message" label={t('label')} hint={t('hint')} errors={fieldErrors.message}>
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
        {isPending ? tForm('sending') : t('submit')}
      </button>
    </form>
  );
}
