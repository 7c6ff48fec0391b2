'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { initialActionState } from '@/lib/http/run-action';
import { DECLARATION_TEXT, dataPointLabels } from '@/lib/validation/verification-levels';
import type { RequesterIdentityStep } from '@/lib/verification/get-requester-identity-step';
import { submitDataPointsAction, uploadEvidenceAction } from './identity-actions';

/** The identity step on the status page: facts to give, a document to send, or a note that a person will check. */
export function IdentityStep({ token, step }: { token: string; step: RequesterIdentityStep }) {
  if (step.kind === 'none') return null;
  return (
    <section className="panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Show us it is you</h2>
      {step.kind === 'data_points' ? <DataPointsForm token={token} step={step} /> : null}
      {step.kind === 'locked' ? (
        <p>The details did not match our records. A member of our team will check who you are and contact you.</p>
      ) : null}
      {step.kind === 'evidence' ? <EvidenceForm token={token} uploadedCount={step.uploadedCount} /> : null}
    </section>
  );
}

function DataPointsForm({ token, step }: { token: string; step: Extract<RequesterIdentityStep, { kind: 'data_points' }> }) {
  const [state, formAction, isPending] = useActionState(submitDataPointsAction, initialActionState);
  const labels = Object.fromEntries(step.offered.map((kind) => [kind, dataPointLabels[kind].label]));
  return (
    <form action={formAction} noValidate autoComplete="off">
      <p>
        Before we can answer, we need to check that this request is yours. Give at least {step.dataPoints} of these details. We only compare
        them with our records. We do not keep them.
      </p>
      <ErrorSummary
        message={state.formError}
        fieldErrors={state.fieldErrors}
        labels={{ ...labels, declarationName: 'Your full name', declarationAgreed: 'Declaration' }}
      />
      <input type="hidden" name="token" value={token} />
      {step.offered.map((kind) => (
        <FormField
          key={kind}
          id={kind}
          label={dataPointLabels[kind].label}
          hint={dataPointLabels[kind].hint}
          errors={state.fieldErrors?.[kind]}
        >
          {(describedBy, isInvalid) => (
            <input id={kind} name={kind} type="text" maxLength={100} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} />
          )}
        </FormField>
      ))}
      {step.isDeclaration ? (
        <fieldset>
          <legend>Declaration</legend>
          <p>{DECLARATION_TEXT}</p>
          <FormField id="declarationName" label="Your full name" errors={state.fieldErrors?.declarationName}>
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
              <input type="checkbox" id="declarationAgreed" name="declarationAgreed" value="yes" /> I sign this declaration
            </label>
          </div>
        </fieldset>
      ) : null}
      <p className="field__hint">
        You have {step.triesLeft} {step.triesLeft === 1 ? 'try' : 'tries'}.
      </p>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Checking…' : 'Check my details'}
      </button>
    </form>
  );
}

function EvidenceForm({ token, uploadedCount }: { token: string; uploadedCount: number }) {
  const [state, formAction, isPending] = useActionState(uploadEvidenceAction, initialActionState);
  return (
    <form action={formAction} noValidate>
      <p>
        Please send us a document that shows who you are, for example a photo of your passport or driving licence. Only the person working
        on your request can see it. We delete it a few days after we have checked it.
      </p>
      {uploadedCount > 0 ? (
        <p className="notice notice--ok" role="status">
          We have {uploadedCount} {uploadedCount === 1 ? 'file' : 'files'} from you.
        </p>
      ) : null}
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={{ document: 'Document' }} />
      <input type="hidden" name="token" value={token} />
      <FormField id="document" label="Document" hint="A PDF, JPEG or PNG file under 10 MB." errors={state.fieldErrors?.document}>
        {(describedBy, isInvalid) => (
          <input
            id="document"
            name="document"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send document'}
      </button>
    </form>
  );
}
