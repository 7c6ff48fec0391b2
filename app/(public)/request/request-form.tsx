'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { EmailSuggestion } from '@/components/email-suggestion';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { type JurisdictionOption, JurisdictionField } from '@/components/jurisdiction-field';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { suggestEmailAddress } from '@/lib/validation/suggest-email-address';
import { DETAILS_MAX_LENGTH } from '@/lib/validation/submit-request';
import { submitRequestAction } from './actions';
import { fieldLabels, type SubmitRequestFormState } from './form-state';

export function RequestForm({ jurisdictions }: { jurisdictions: JurisdictionOption[] }) {
  const [state, formAction, isPending] = useActionState<SubmitRequestFormState, FormData>(submitRequestAction, { values: {} });
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const summaryRef = useRef<HTMLDivElement>(null);
  const [detailsLength, setDetailsLength] = useState(values.details?.length ?? 0);
  const emailRef = useRef<HTMLInputElement>(null);
  const [emailSuggestion, setEmailSuggestion] = useState<string | null>(null);

  useEffect(() => {
    if (state.formError) summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [state]);

  return (
    // The key remounts the form after each failed submit so the kept values show as defaults.
    <form action={formAction} noValidate key={JSON.stringify(values)}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.formError} fieldErrors={errors} labels={fieldLabels} />
      </div>

      <fieldset id="type" aria-describedby={errors.type ? 'type-error' : undefined}>
        <legend>{fieldLabels.type}</legend>
        {errors.type ? (
          <p className="field__error" id="type-error">
            {errors.type.join(' ')}
          </p>
        ) : null}
        {requestTypes.map((type) => (
          <div className="choice" key={type}>
            <input type="radio" id={`type-${type}`} name="type" value={type} defaultChecked={values.type === type} />
            <label htmlFor={`type-${type}`}>
              <strong>{requestTypeLabels[type].title}</strong> — {requestTypeLabels[type].description}
            </label>
          </div>
        ))}
      </fieldset>

      <FormField id="email" label={fieldLabels.email} hint="We will send a link to confirm it is yours." errors={errors.email}>
        {(describedBy, isInvalid) => (
          <>
            <input
              ref={emailRef}
              type="email"
              id="email"
              name="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={values.email}
              aria-describedby={`${describedBy ?? ''} email-suggestion`.trim()}
              aria-invalid={isInvalid}
              onBlur={(event) => setEmailSuggestion(suggestEmailAddress(event.currentTarget.value))}
            />
            <EmailSuggestion
              id="email-suggestion"
              suggestion={emailSuggestion}
              onAccept={(address) => {
                if (emailRef.current) emailRef.current.value = address;
                setEmailSuggestion(null);
                emailRef.current?.focus();
              }}
            />
          </>
        )}
      </FormField>

      <FormField id="fullName" label={fieldLabels.fullName} errors={errors.fullName}>
        {(describedBy, isInvalid) => (
          <input type="text" id="fullName" name="fullName" autoComplete="name" required maxLength={200} defaultValue={values.fullName} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <FormField id="accountIdentifier" label={`${fieldLabels.accountIdentifier} (optional)`} hint="A customer number or username, if you have one. It helps us find your data." errors={errors.accountIdentifier}>
        {(describedBy, isInvalid) => (
          <input type="text" id="accountIdentifier" name="accountIdentifier" maxLength={200} defaultValue={values.accountIdentifier} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>

      <JurisdictionField label={fieldLabels.jurisdiction} hint="This sets the legal deadline for our answer." jurisdictions={jurisdictions} value={values.jurisdiction} errors={errors.jurisdiction} />

      <FormField id="details" label={`${fieldLabels.details} (optional)`} hint="Anything that helps us handle your request." errors={errors.details}>
        {(describedBy, isInvalid) => (
          <>
            <textarea id="details" name="details" defaultValue={values.details} aria-describedby={`${describedBy ?? ''} details-count`.trim()} aria-invalid={isInvalid} onChange={(event) => setDetailsLength(event.currentTarget.value.length)} />
            <p className="counter" id="details-count" aria-live="polite">
              {detailsLength.toLocaleString('en')} of {DETAILS_MAX_LENGTH.toLocaleString('en')} characters
            </p>
          </>
        )}
      </FormField>

      <div className={errors.isAuthorised ? 'field field--invalid' : 'field'} id="isAuthorised-field">
        {errors.isAuthorised ? (
          <p className="field__error" id="isAuthorised-error">
            {errors.isAuthorised.join(' ')}
          </p>
        ) : null}
        <div className="choice">
          <input type="checkbox" id="isAuthorised" name="isAuthorised" required defaultChecked={values.isAuthorised === 'on'} aria-describedby={errors.isAuthorised ? 'isAuthorised-error' : undefined} aria-invalid={Boolean(errors.isAuthorised)} />
          <label htmlFor="isAuthorised">I am the person named, or authorised to act for them</label>
        </div>
      </div>

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">Leave this field empty</label>
        <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send request'}
      </button>
    </form>
  );
}
