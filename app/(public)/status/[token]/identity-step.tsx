'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import { initialActionState } from '@/lib/http/run-action';
import { EvidenceFileField } from '@/components/evidence-file-field';
import type { RequesterIdentityStep } from '@/lib/verification/get-requester-identity-step';
import { submitDataPointsAction, uploadEvidenceAction } from './identity-actions';

/** The identity step on the status page: facts to give, a document to send, or a note that a person will check. */
export function IdentityStep({ token, step }: { token: string; step: RequesterIdentityStep }) {
  const t = useTranslations('statusPage.identity');
  if (step.kind === 'none') return null;
  return (
    <section className="panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('heading')}</h2>
      {step.kind === 'data_points' ? <DataPointsForm token={token} step={step} /> : null}
      {step.kind === 'locked' ? <p>{t('locked')}</p> : null}
      {step.kind === 'evidence' ? <EvidenceForm token={token} uploadedCount={step.uploadedCount} /> : null}
    </section>
  );
}

function DataPointsForm({ token, step }: { token: string; step: Extract<RequesterIdentityStep, { kind: 'data_points' }> }) {
  const [state, formAction, isPending] = useActionState(submitDataPointsAction, initialActionState);
  const t = useTranslations('statusPage.identity');
  const translateMessage = useValidationMessage();
  const fieldErrors = useTranslatedFieldErrors()<string>(state.fieldErrors);
  const labels = Object.fromEntries(step.offered.map((kind) => [kind, t(`dataPoints.${kind}.label`)]));
  return (
    <form action={formAction} noValidate autoComplete="off">
      <p>{t('dataPointsLead', { count: step.dataPoints })}</p>
      <ErrorSummary
        message={state.formError && translateMessage(state.formError)}
        fieldErrors={fieldErrors}
        labels={{ ...labels, declarationName: t('declarationName'), declarationAgreed: t('declarationLegend') }}
      />
      <input type="hidden" name="token" value={token} />
      {step.offered.map((kind) => (
        <FormField key={kind} id={kind} label={labels[kind]!} hint={t(`dataPoints.${kind}.hint`)} errors={fieldErrors[kind]}>
          {(describedBy, isInvalid) => (
            <input id={kind} name={kind} type="text" maxLength={100} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} />
          )}
        </FormField>
      ))}
      {step.isDeclaration ? (
        <fieldset>
          <legend>{t('declarationLegend')}</legend>
          <p>{t('declarationText')}</p>
          <FormField id="declarationName" label={t('declarationName')} errors={fieldErrors.declarationName}>
            {(describedBy, isInvalid) => (
              <input
                id="declarationName"
                name="declarationName"
                type="text"
                maxLength={200}
                aria-describedby={describedBy}
                aria-invalid={isInvalid || undefined}
              />
            )}
          </FormField>
          <div className="field">
            <label>
              <input type="checkbox" id="declarationAgreed" name="declarationAgreed" value="yes" /> {t('declarationSign')}
            </label>
          </div>
        </fieldset>
      ) : null}
      <p className="field__hint">{t('triesLeft', { count: step.triesLeft })}</p>
      <button type="submit" disabled={isPending}>
        {isPending ? t('checking') : t('check')}
      </button>
    </form>
  );
}

function EvidenceForm({ token, uploadedCount }: { token: string; uploadedCount: number }) {
  const [state, formAction, isPending] = useActionState(uploadEvidenceAction, initialActionState);
  const t = useTranslations('statusPage.identity');
  const tForm = useTranslations('form');
  const translateMessage = useValidationMessage();
  const fieldErrors = useTranslatedFieldErrors()<'document'>(state.fieldErrors);
  return (
    <form action={formAction} noValidate>
      <p>{t('evidenceLead')}</p>
      {uploadedCount > 0 ? (
        <p className="notice notice--ok" role="status">
          {t('evidenceHave', { count: uploadedCount })}
        </p>
      ) : null}
      <ErrorSummary
        message={state.formError && translateMessage(state.formError)}
        fieldErrors={fieldErrors}
        labels={{ document: t('document') }}
      />
      <input type="hidden" name="token" value={token} />
      <EvidenceFileField name="document" label={t('document')} hint={t('documentHint')} errors={fieldErrors.document} />
      <button type="submit" disabled={isPending}>
        {isPending ? tForm('sending') : t('sendDocument')}
      </button>
    </form>
  );
}
