'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import { FormField } from '@/components/form-field';
import { type AppealState, appealRequestAction } from './actions';

/** The requester's appeal of a refusal, with their reason. Works without JavaScript. */
export function AppealForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState<AppealState, FormData>(appealRequestAction, {});
  const t = useTranslations('statusPage.appeal');
  const tForm = useTranslations('form');
  const translateMessage = useValidationMessage();
  const fieldErrors = useTranslatedFieldErrors()<'reason'>(state.fieldErrors);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        message={state.formError && translateMessage(state.formError)}
        fieldErrors={fieldErrors}
        labels={{ reason: t('label') }}
      />
      <input type="hidden" name="token" value={token} />
      <FormField id="reason" label={t('label')} hint={t('hint')} errors={fieldErrors.reason}>
        {(describedBy, isInvalid) => (
          <textarea
            id="reason"
            name="reason"
            maxLength={5000}
            defaultValue={state.values?.reason}
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
