'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { englishLanguageName, supportedLocales } from '@/lib/i18n/locales';
import {
  isLocalisedTextKeyEditable,
  type LocalisedTextField,
  localisedTextFields,
  type TOrganisationTexts,
} from '@/lib/validation/organisation-texts';
import { initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';
import { updateOrganisationTextsAction } from './actions';

const fieldLabels: Record<LocalisedTextField, string> = {
  contactEmail: 'Privacy team contact email',
  privacyNoticeUrl: 'Privacy notice web address',
  signOff: 'Email sign-off',
};

const labels = Object.fromEntries(
  supportedLocales.flatMap((locale) =>
    localisedTextFields.map((field) => [`${locale}.${field}`, `${fieldLabels[field]} (${englishLanguageName(locale)})`]),
  ),
);

/** The organisation's own words per language; an empty box shows the English text to readers of that language. */
export function OrganisationTextsForm({ current }: { current: TOrganisationTexts }) {
  const [state, formAction, isPending] = useActionState(updateOrganisationTextsAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values: Record<string, string | undefined> = state.values ?? current;
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        {supportedLocales.map((locale) => (
          <fieldset key={locale} lang={locale}>
            <legend>{englishLanguageName(locale)}</legend>
            {localisedTextFields
              .filter((field) => isLocalisedTextKeyEditable(locale, field))
              .map((field) => {
                const name = `${locale}.${field}`;
                return (
                  <FormField
                    key={name}
                    id={name}
                    label={`${fieldLabels[field]} (optional)`}
                    hint={field === 'signOff' ? 'A line or two above every email’s footer, e.g. “The Northwind privacy team”.' : undefined}
                    errors={errors[name]}
                  >
                    {(describedBy, isInvalid) =>
                      field === 'signOff' ? (
                        <textarea
                          id={name}
                          name={name}
                          maxLength={500}
                          rows={2}
                          defaultValue={values[name]}
                          aria-describedby={describedBy}
                          aria-invalid={isInvalid}
                        />
                      ) : (
                        <input
                          type={field === 'contactEmail' ? 'email' : 'url'}
                          id={name}
                          name={name}
                          maxLength={field === 'contactEmail' ? 254 : 2000}
                          defaultValue={values[name]}
                          aria-describedby={describedBy}
                          aria-invalid={isInvalid}
                        />
                      )
                    }
                  </FormField>
                );
              })}
          </fieldset>
        ))}
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save texts'}
        </button>
      </form>
    </>
  );
}
