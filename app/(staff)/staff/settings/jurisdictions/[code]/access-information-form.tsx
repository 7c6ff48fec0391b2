'use client';

import { useActionState } from 'react';
import {
  type AccessInformationField,
  type TLocalisedAccessInformation,
  ZLocalisedAccessInformation,
} from '@/lib/validation/access-information';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { updateAccessInformationAction } from '../../actions';
import { LocalisedTextFieldsets, type LocalisedTextFieldSpec, localisedTextLabels } from '../../localised-text-fieldsets';

const limitOf = (field: AccessInformationField) => maxLengthOf(ZLocalisedAccessInformation, `en.${field}`);

/** The fields in the order of GDPR Art. 15(1), with what each asks for. */
const fields: LocalisedTextFieldSpec<AccessInformationField>[] = [
  {
    name: 'purposes',
    label: 'Purposes (Art. 15(1)(a))',
    hint: 'Why you use people’s data: selling and delivering orders, support, newsletters…',
    control: 'textarea',
    maxLength: limitOf('purposes'),
  },
  {
    name: 'categories',
    label: 'Categories of data (b)',
    hint: 'Contact details, order history, support messages…',
    control: 'textarea',
    maxLength: limitOf('categories'),
  },
  {
    name: 'recipients',
    label: 'Recipients (c)',
    hint: 'Who receives the data (couriers, payment providers), including outside the country, and the safeguards for transfers (Art. 15(2)).',
    control: 'textarea',
    maxLength: limitOf('recipients'),
  },
  {
    name: 'retention',
    label: 'Retention (d)',
    hint: 'How long you keep each kind of data, or how you decide.',
    control: 'textarea',
    maxLength: limitOf('retention'),
  },
  {
    name: 'rights',
    label: 'Rights (e)',
    hint: 'Left empty in every language: a standard sentence on correction, erasure, restriction and objection.',
    control: 'textarea',
    maxLength: limitOf('rights'),
  },
  {
    name: 'complaintAuthorityName',
    label: 'Supervisory authority (f)',
    hint: 'The authority a requester can complain to, e.g. the Information Commissioner’s Office (ICO). Also shown after a refusal.',
    control: 'text',
    maxLength: limitOf('complaintAuthorityName'),
  },
  {
    name: 'complaintAuthorityUrl',
    label: 'Authority’s web address',
    hint: 'Where to complain, e.g. https://ico.org.uk/make-a-complaint/ (its page in this language, if it has one).',
    control: 'url',
    maxLength: limitOf('complaintAuthorityUrl'),
  },
  {
    name: 'source',
    label: 'Source of the data (g)',
    hint: 'Where data you did not collect from the person came from.',
    control: 'textarea',
    maxLength: limitOf('source'),
  },
  {
    name: 'automatedDecisions',
    label: 'Automated decisions (h)',
    hint: 'Whether you make decisions by automated means or profiling, their logic and consequences.',
    control: 'textarea',
    maxLength: limitOf('automatedDecisions'),
  },
];

const labels = localisedTextLabels(fields);

/**
 * What every access package under this regime tells the requester besides their data, per language: a package
 * for a request in German prints the German text of each field, the English one where a field has none.
 */
export function AccessInformationForm({ code, information }: { code: string; information: TLocalisedAccessInformation }) {
  const [state, formAction, isPending] = useActionState(updateAccessInformationAction, initialActionState);
  const values: Record<string, string | undefined> = state.values ?? information;
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        <input type="hidden" name="code" value={code} />
        <LocalisedTextFieldsets fields={fields} values={values} errors={state.fieldErrors ?? {}} idPrefix="access-" />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save what packages tell the requester'}
        </button>
      </form>
    </>
  );
}
