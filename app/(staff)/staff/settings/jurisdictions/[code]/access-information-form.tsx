'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { type TAccessInformation, ZAccessInformation } from '@/lib/validation/access-information';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { updateAccessInformationAction } from '../../actions';

/** The fields in the order of GDPR Art. 15(1), with what each asks for. */
const fields: { name: keyof TAccessInformation; label: string; hint: string; isLine?: boolean }[] = [
  {
    name: 'purposes',
    label: 'Purposes (Art. 15(1)(a))',
    hint: 'Why you use people’s data: selling and delivering orders, support, newsletters…',
  },
  { name: 'categories', label: 'Categories of data (b)', hint: 'Contact details, order history, support messages…' },
  {
    name: 'recipients',
    label: 'Recipients (c)',
    hint: 'Who receives the data (couriers, payment providers), including outside the country, and the safeguards for transfers (Art. 15(2)).',
  },
  { name: 'retention', label: 'Retention (d)', hint: 'How long you keep each kind of data, or how you decide.' },
  { name: 'rights', label: 'Rights (e)', hint: 'Left empty: a standard sentence on correction, erasure, restriction and objection.' },
  {
    name: 'complaintAuthorityName',
    label: 'Supervisory authority (f)',
    hint: 'The authority a requester can complain to, e.g. the Information Commissioner’s Office (ICO). Also shown after a refusal.',
    isLine: true,
  },
  {
    name: 'complaintAuthorityUrl',
    label: 'Authority’s web address',
    hint: 'Where to complain, e.g. https://ico.org.uk/make-a-complaint/',
    isLine: true,
  },
  { name: 'source', label: 'Source of the data (g)', hint: 'Where data you did not collect from the person came from.' },
  {
    name: 'automatedDecisions',
    label: 'Automated decisions (h)',
    hint: 'Whether you make decisions by automated means or profiling, their logic and consequences.',
  },
];

export const accessInformationLabels: Record<string, string> = Object.fromEntries(fields.map((field) => [field.name, field.label]));

/**
 * What every access package under this regime tells the requester besides their data.
 * Filled once here; packages built from then on carry it.
 */
export function AccessInformationForm({ code, information }: { code: string; information: TAccessInformation }) {
  const [state, formAction, isPending] = useActionState(updateAccessInformationAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values: Record<string, string | undefined> = state.values ?? information;
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={accessInformationLabels} />
        <input type="hidden" name="code" value={code} />
        {fields.map((field) => (
          <FormField key={field.name} id={`access-${field.name}`} label={field.label} hint={field.hint} errors={errors[field.name]}>
            {(describedBy, isInvalid) =>
              field.isLine ? (
                <input
                  type={field.name === 'complaintAuthorityUrl' ? 'url' : 'text'}
                  id={`access-${field.name}`}
                  name={field.name}
                  maxLength={maxLengthOf(ZAccessInformation, field.name)}
                  defaultValue={values[field.name] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={isInvalid}
                />
              ) : (
                <textarea
                  id={`access-${field.name}`}
                  name={field.name}
                  rows={3}
                  maxLength={maxLengthOf(ZAccessInformation, field.name)}
                  defaultValue={values[field.name] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={isInvalid}
                />
              )
            }
          </FormField>
        ))}
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save what packages tell the requester'}
        </button>
      </form>
    </>
  );
}
