'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useRef, useState } from 'react';
import { EmailSuggestion } from './email-suggestion';
import { FormField } from './form-field';
import { type JurisdictionOption, JurisdictionField } from './jurisdiction-field';
import { RadioFieldset } from './radio-fieldset';
import { requestTypes } from '@/lib/validation/request-type';
import { suggestEmailAddress } from '@/lib/validation/suggest-email-address';

export type RequestFieldName = 'type' | 'email' | 'fullName' | 'accountIdentifier' | 'jurisdiction' | 'details';

type RequestFieldsProps = {
  labels: Record<RequestFieldName, string>;
  /** What each field is for, in the words of whoever fills the form in (the requester, or staff filing for them). */
  hints: Record<'email' | 'accountIdentifier' | 'jurisdiction' | 'details', string>;
  /** Each text field's maxLength, read from the schema the action parses with. */
  limits: Record<'email' | 'fullName' | 'accountIdentifier' | 'details', number>;
  jurisdictions: JurisdictionOption[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  /** The requester's own browser may fill in their address and name; staff typing someone else's should not get theirs. */
  isOwnDetails: boolean;
  /** Fields that go between the region and the details (staff: date received, channel, identity check). */
  beforeDetails?: ReactNode;
  /** Shows a live "n of max characters" count under the details. */
  isDetailsCounted?: boolean;
  /** Offers "Did you mean …?" for a mistyped email domain when the field is left. */
  isEmailChecked?: boolean;
  /** A line under the request-type question (the public form: a Global Privacy Control signal chose an opt-out). */
  typeHint?: ReactNode;
};

/**
 * The fields every request has, shared by the public request form and the staff
 * filing form so the two cannot drift: type, email, name, account identifier,
 * region and details, each with its error slot.
 */
export function RequestFields({
  labels,
  hints,
  limits,
  jurisdictions,
  values,
  errors,
  isOwnDetails,
  beforeDetails,
  isDetailsCounted = false,
  isEmailChecked = false,
  typeHint,
}: RequestFieldsProps) {
  const [detailsLength, setDetailsLength] = useState(values.details?.length ?? 0);
  const emailRef = useRef<HTMLInputElement>(null);
  const [emailSuggestion, setEmailSuggestion] = useState<string | null>(null);
  const t = useTranslations();
  return (
    <>
      <RadioFieldset
        name="type"
        legend={labels.type}
        options={requestTypes.map((type) => ({
          value: type,
          label: (
            <>
              <strong>{t(`requestTypes.${type}.title`)}</strong> — {t(`requestTypes.${type}.description`)}
            </>
          ),
        }))}
        checked={values.type}
        errors={errors.type}
        hint={typeHint}
      />

      <FormField id="email" label={labels.email} hint={hints.email} errors={errors.email}>
        {(describedBy, isInvalid) => (
          <>
            <input
              ref={emailRef}
              type="email"
              id="email"
              name="email"
              autoComplete={isOwnDetails ? 'email' : 'off'}
              required
              maxLength={limits.email}
              defaultValue={values.email}
              aria-describedby={isEmailChecked ? `${describedBy ?? ''} email-suggestion`.trim() : describedBy}
              aria-invalid={isInvalid}
              onBlur={isEmailChecked ? (event) => setEmailSuggestion(suggestEmailAddress(event.currentTarget.value)) : undefined}
            />
            {isEmailChecked ? (
              <EmailSuggestion
                id="email-suggestion"
                suggestion={emailSuggestion}
                onAccept={(address) => {
                  if (emailRef.current) emailRef.current.value = address;
                  setEmailSuggestion(null);
                  emailRef.current?.focus();
                }}
              />
            ) : null}
          </>
        )}
      </FormField>

      <FormField id="fullName" label={labels.fullName} errors={errors.fullName}>
        {(describedBy, isInvalid) => (
          <input
            type="text"
            id="fullName"
            name="fullName"
            autoComplete={isOwnDetails ? 'name' : 'off'}
            required
            maxLength={limits.fullName}
            defaultValue={values.fullName}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>

      <FormField
        id="accountIdentifier"
        label={t('form.optional', { label: labels.accountIdentifier })}
        hint={hints.accountIdentifier}
        errors={errors.accountIdentifier}
      >
        {(describedBy, isInvalid) => (
          <input
            type="text"
            id="accountIdentifier"
            name="accountIdentifier"
            autoComplete={isOwnDetails ? undefined : 'off'}
            maxLength={limits.accountIdentifier}
            defaultValue={values.accountIdentifier}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>

      <JurisdictionField
        label={labels.jurisdiction}
        hint={hints.jurisdiction}
        jurisdictions={jurisdictions}
        value={values.jurisdiction}
        errors={errors.jurisdiction}
      />

      {beforeDetails}

      <FormField id="details" label={t('form.optional', { label: labels.details })} hint={hints.details} errors={errors.details}>
        {(describedBy, isInvalid) =>
          isDetailsCounted ? (
            <>
              <textarea
                id="details"
                name="details"
                defaultValue={values.details}
                aria-describedby={`${describedBy ?? ''} details-count`.trim()}
                aria-invalid={isInvalid}
                onChange={(event) => setDetailsLength(event.currentTarget.value.length)}
              />
              <p className="counter" id="details-count" aria-live="polite">
                {t('form.characterCount', { count: detailsLength, max: limits.details })}
              </p>
            </>
          ) : (
            <textarea
              id="details"
              name="details"
              maxLength={limits.details}
              defaultValue={values.details}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )
        }
      </FormField>
    </>
  );
}
