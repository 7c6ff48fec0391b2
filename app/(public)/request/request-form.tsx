'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { CorrectionFields } from '@/components/correction-fields';
import { ErrorSummary } from '@/components/error-summary';
import type { JurisdictionOption } from '@/components/jurisdiction-field';
import { RequestFields } from '@/components/request-fields';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { BrowserTimeZoneField } from '@/components/browser-time-zone-field';
import { submitRequestAction } from './actions';
import { AgentFields } from './agent-fields';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import type { SubmitRequestField } from '@/lib/validation/submit-request';
import type { SubmitRequestFormState } from './form-state';

const limits = {
  email: maxLengthOf(ZSubmitRequest, 'email'),
  fullName: maxLengthOf(ZSubmitRequest, 'fullName'),
  accountIdentifier: maxLengthOf(ZSubmitRequest, 'accountIdentifier'),
  details: maxLengthOf(ZSubmitRequest, 'details'),
};

export function RequestForm({ jurisdictions, hasGpcSignal }: { jurisdictions: JurisdictionOption[]; hasGpcSignal: boolean }) {
  const [state, formAction, isPending] = useActionState<SubmitRequestFormState, FormData>(submitRequestAction, { values: {} });
  const t = useTranslations('requestPage');
  const translateMessage = useValidationMessage();
  const errors = useTranslatedFieldErrors()<SubmitRequestField>(state.fieldErrors);
  const values = state.values;
  const fieldLabels = {
    type: t('labels.type'),
    email: t('labels.email'),
    fullName: t('labels.fullName'),
    accountIdentifier: t('labels.accountIdentifier'),
    details: t('labels.details'),
    jurisdiction: t('labels.jurisdiction'),
    isAuthorised: t('labels.isAuthorised'),
    website: t('labels.website'),
    agentName: t('labels.agentName'),
    agentEmail: t('labels.agentEmail'),
    agentOrganisation: t('labels.agentOrganisation'),
    agentPermission: t('labels.agentPermission'),
    timeZone: t('labels.timeZone'),
    copyBeforeErasure: t('labels.copyBeforeErasure'),
    correctionFields: t('correction.legend'),
    correctionAttachments: t('correction.attachments'),
  } satisfies Record<Exclude<SubmitRequestField, 'language'>, string>;
  const summaryRef = useRef<HTMLDivElement>(null);
  // The copy-first box belongs to a deletion: shown while that type is chosen.
  const [type, setType] = useState(values.type);

  useEffect(() => {
    if (state.formError) summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [state]);

  return (
    // The key remounts the form after each failed submit so the kept values show as defaults.
    <form
      action={formAction}
      noValidate
      key={JSON.stringify(values)}
      onChange={(event) => {
        const field = event.target as unknown as HTMLInputElement;
        if (field.name === 'type') setType(field.value);
      }}
    >
      <div ref={summaryRef}>
        <ErrorSummary message={state.formError && translateMessage(state.formError)} fieldErrors={errors} labels={fieldLabels} />
      </div>

      <RequestFields
        labels={fieldLabels}
        hints={{
          email: t('hints.email'),
          accountIdentifier: t('hints.accountIdentifier'),
          jurisdiction: t('hints.jurisdiction'),
          details: t('hints.details'),
        }}
        limits={limits}
        jurisdictions={jurisdictions}
        // A Global Privacy Control signal pre-selects the opt-out of sale or sharing (CCPA regs §7025; Colorado).
        values={{ ...values, type: values.type ?? (hasGpcSignal ? 'opt_out_sale' : undefined) }}
        errors={errors}
        isOwnDetails
        isDetailsCounted
        isEmailChecked
        typeHint={hasGpcSignal ? t('gpcHint') : undefined}
      />

      {type === 'deletion' ? (
        <div className="field" id="copyBeforeErasure-field">
          <div className="choice">
            <input
              type="checkbox"
              id="copyBeforeErasure"
              name="copyBeforeErasure"
              defaultChecked={values.copyBeforeErasure === 'on'}
              aria-describedby="copyBeforeErasure-hint"
            />
            <label htmlFor="copyBeforeErasure">{t('copyBeforeErasure')}</label>
          </div>
          <p className="field__hint" id="copyBeforeErasure-hint">
            {t('copyBeforeErasureHint')}
          </p>
        </div>
      ) : null}

      {type === 'correction' ? (
        <CorrectionFields
          labels={{
            legend: t('correction.legend'),
            hint: t('correction.hint'),
            field: t('correction.field'),
            currentValue: t('correction.currentValue'),
            shouldBe: t('correction.shouldBe'),
            attachments: t('correction.attachments'),
            attachmentsHint: t('correction.attachmentsHint'),
          }}
          values={values}
          errors={errors}
        />
      ) : null}

      <AgentFields values={values} errors={errors} />

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
          <label htmlFor="isAuthorised">{t('isAuthorised')}</label>
        </div>
      </div>

      <BrowserTimeZoneField />

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{t('honeypot')}</label>
        <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" disabled={isPending}>
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
