'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import type { JurisdictionOption } from '@/components/jurisdiction-field';
import { RequestFields } from '@/components/request-fields';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { BrowserTimeZoneField } from '@/components/browser-time-zone-field';
import { submitRequestAction } from './actions';
import { fieldLabels, type SubmitRequestFormState } from './form-state';

const limits = {
  email: maxLengthOf(ZSubmitRequest, 'email'),
  fullName: maxLengthOf(ZSubmitRequest, 'fullName'),
  accountIdentifier: maxLengthOf(ZSubmitRequest, 'accountIdentifier'),
  details: maxLengthOf(ZSubmitRequest, 'details'),
};

export function RequestForm({ jurisdictions, hasGpcSignal }: { jurisdictions: JurisdictionOption[]; hasGpcSignal: boolean }) {
  const [state, formAction, isPending] = useActionState<SubmitRequestFormState, FormData>(submitRequestAction, { values: {} });
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError) summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [state]);

  return (
    // The key remounts the form after each failed submit so the kept values show as defaults.
    <form action={formAction} noValidate key={JSON.stringify(values)}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.formError} fieldErrors={errors} labels={fieldLabels} />
      </div>

      <RequestFields
        labels={fieldLabels}
        hints={{
          email: 'We will send a link to confirm it is yours.',
          accountIdentifier: 'A customer number or username, if you have one. It helps us find your data.',
          jurisdiction: 'This sets the legal deadline for our answer.',
          details: 'Anything that helps us handle your request. For a correction, say which details are wrong and what they should be.',
        }}
        limits={limits}
        jurisdictions={jurisdictions}
        // A Global Privacy Control signal pre-selects the opt-out of sale or sharing (CCPA regs §7025; Colorado).
        values={{ ...values, type: values.type ?? (hasGpcSignal ? 'opt_out_sale' : undefined) }}
        errors={errors}
        isOwnDetails
        isDetailsCounted
        isEmailChecked
        typeHint={
          hasGpcSignal
            ? 'Your browser sent a Global Privacy Control signal, so we have chosen an opt-out of the sale or sharing of your personal information. You can choose something else.'
            : undefined
        }
      />

      <div className={errors.isAuthorised ? 'field field--invalid' : 'field'} id="isAuthorised-field">
        {errors.isAuthorised ? (
          <p className="field__error" id="isAuthorised-error">
            {errors.isAuthorised.join(' ')}
          </p>
        ) : null}
        <div className="choice">
          <input
            type="checkbox"
            id="isAuthorised"
            name="isAuthorised"
            required
            defaultChecked={values.isAuthorised === 'on'}
            aria-describedby={errors.isAuthorised ? 'isAuthorised-error' : undefined}
            aria-invalid={Boolean(errors.isAuthorised)}
          />
          <label htmlFor="isAuthorised">I am the person named, or authorised to act for them</label>
        </div>
      </div>

      <BrowserTimeZoneField />

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
