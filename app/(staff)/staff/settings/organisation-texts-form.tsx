'use client';

import { useActionState } from 'react';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import {
  isLocalisedTextKeyEditable,
  type LocalisedTextField,
  type TOrganisationTexts,
  ZOrganisationTexts,
} from '@/lib/validation/organisation-texts';
import { initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';
import { updateOrganisationTextsAction } from './actions';
import { LocalisedTextFieldsets, type LocalisedTextFieldSpec, localisedTextLabels } from './localised-text-fieldsets';

const fields: LocalisedTextFieldSpec<LocalisedTextField>[] = [
  {
    name: 'contactEmail',
    label: 'Privacy team contact email',
    control: 'email',
    maxLength: maxLengthOf(ZOrganisationTexts, 'de.contactEmail'),
  },
  {
    name: 'privacyNoticeUrl',
    label: 'Privacy notice web address',
    control: 'url',
    maxLength: maxLengthOf(ZOrganisationTexts, 'de.privacyNoticeUrl'),
  },
  {
    name: 'signOff',
    label: 'Email sign-off',
    hint: 'A line or two above every email’s footer, e.g. “The Northwind privacy team”.',
    control: 'textarea',
    rows: 2,
    maxLength: maxLengthOf(ZOrganisationTexts, 'en.signOff'),
  },
];

const labels = localisedTextLabels(fields);

/** The organisation's own words per language; an empty box shows the English text to readers of that language. */
export function OrganisationTextsForm({ current }: { current: TOrganisationTexts }) {
  const [state, formAction, isPending] = useActionState(updateOrganisationTextsAction, initialActionState);
  const values: Record<string, string | undefined> = state.values ?? current;
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        <LocalisedTextFieldsets fields={fields} values={values} errors={state.fieldErrors ?? {}} isEditable={isLocalisedTextKeyEditable} />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save texts'}
        </button>
      </form>
    </>
  );
}
