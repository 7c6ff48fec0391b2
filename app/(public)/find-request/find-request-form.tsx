'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import { type FindRequestState, findRequestAction } from './actions';

export function FindRequestForm() {
  const t = useTranslations('findRequestPage');
  const tForm = useTranslations('form');
  const translateMessage = useValidationMessage();
  const translateErrors = useTranslatedFieldErrors();
  const [state, formAction, isPending] = useActionState<FindRequestState, FormData>(findRequestAction, {});
  const labels = { email: t('email'), reference: t('reference') };
  const fieldErrors = translateErrors<'email' | 'reference'>(state.fieldErrors);
  if (state.isSent) {
    return (
      <div className="notice notice--ok" role="status">
        <p>{t.rich('sent', { email: state.values?.email ?? '', strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>{t('nothingArrived')}</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.formError && translateMessage(state.formError)} fieldErrors={fieldErrors} labels={labels} />
      <FormField id="email" label={labels.email} hint={t('emailHint')} errors={fieldErrors.email}>
        {(describedBy, isInvalid) => (
          <input
            type="email"
            id="email"
            name="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={state.values?.email}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
      <FormField id="reference" label={labels.reference} hint={t('referenceHint')} errors={fieldErrors.reference}>
        {(describedBy, isInvalid) => (
          <input
            type="text"
            id="reference"
            name="reference"
            maxLength={40}
            spellCheck={false}
            defaultValue={state.values?.reference}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? tForm('sending') : t('submit')}
      </button>
    </form>
  );
}
