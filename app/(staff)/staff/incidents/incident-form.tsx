'use client';

import { useActionState } from 'react';
import { CheckboxGroup } from '@/components/checkbox-group';
import { InputField, TextAreaField } from '@/components/form-field';
import { breachNotificationRules } from '@/lib/incidents/breach-notification-rules';
import { dataCategories, dataCategoryLabels, INCIDENT_TEXT_MAX } from '@/lib/validation/incident';
import { type ActionState, initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';

const labels: Record<string, string> = {
  title: 'Title',
  description: 'What happened',
  startedAt: 'When it started (if known)',
  discoveredAt: 'When you became aware of it',
  regimes: 'Laws it falls under',
  sourceIds: 'Systems involved',
  dataCategories: 'Kinds of personal data involved',
  likelyConsequences: 'Likely consequences for the people affected',
  measuresTaken: 'Measures taken or proposed',
};

export type IncidentFormValues = Partial<Record<keyof typeof labels, string>> & { reference?: string; version?: string };

type IncidentFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  sources: { id: string; name: string }[];
  current: IncidentFormValues;
  timeZone: string;
  submitLabel: string;
};

/** Opening and editing an incident: one form. Times are typed in the organisation's time zone. */
export function IncidentForm({ action, sources, current, timeZone, submitLabel }: IncidentFormProps) {
  const [state, formAction, isPending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values: IncidentFormValues = state.values ?? current;
  const checked = (field: 'regimes' | 'sourceIds' | 'dataCategories', value: string) => (values[field] ?? '').split(',').includes(value);

  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        {current.reference ? <input type="hidden" name="reference" value={current.reference} /> : null}
        {current.version ? <input type="hidden" name="version" value={current.version} /> : null}
        <InputField
          id="title"
          label={labels.title!}
          hint="A short name colleagues will recognise."
          errors={errors.title}
          type="text"
          required
          maxLength={200}
          defaultValue={values.title}
        />
        <TextAreaField
          id="description"
          label={labels.description!}
          errors={errors.description}
          required
          maxLength={INCIDENT_TEXT_MAX}
          defaultValue={values.description}
        />
        <InputField
          id="discoveredAt"
          label={labels.discoveredAt!}
          hint={`Your organisation's time (${timeZone}). The regulator deadlines count from here.`}
          errors={errors.discoveredAt}
          type="datetime-local"
          required
          defaultValue={values.discoveredAt}
        />
        <InputField
          id="startedAt"
          label={labels.startedAt!}
          hint={`Your organisation's time (${timeZone}).`}
          errors={errors.startedAt}
          type="datetime-local"
          defaultValue={values.startedAt}
        />
        <ValueCheckboxes
          id="regimes"
          legend={labels.regimes!}
          errors={errors.regimes}
          options={breachNotificationRules.map((rule) => ({ value: rule.regime, label: `${rule.label} — ${rule.citation}` }))}
          isChecked={(value) => checked('regimes', value)}
        />
        <ValueCheckboxes
          id="sourceIds"
          legend={labels.sourceIds!}
          errors={errors.sourceIds}
          options={sources.map((source) => ({ value: source.id, label: source.name }))}
          isChecked={(value) => checked('sourceIds', value)}
          empty="No data sources are set up yet (Settings → Data sources)."
        />
        <ValueCheckboxes
          id="dataCategories"
          legend={labels.dataCategories!}
          errors={errors.dataCategories}
          options={dataCategories.map((category) => ({ value: category, label: dataCategoryLabels[category] }))}
          isChecked={(value) => checked('dataCategories', value)}
        />
        <TextAreaField
          id="likelyConsequences"
          label={labels.likelyConsequences!}
          errors={errors.likelyConsequences}
          maxLength={INCIDENT_TEXT_MAX}
          defaultValue={values.likelyConsequences}
        />
        <TextAreaField
          id="measuresTaken"
          label={labels.measuresTaken!}
          errors={errors.measuresTaken}
          maxLength={INCIDENT_TEXT_MAX}
          defaultValue={values.measuresTaken}
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </button>
      </form>
    </>
  );
}

type ValueCheckboxesProps = {
  id: string;
  legend: string;
  errors?: string[];
  options: { value: string; label: string }[];
  isChecked: (value: string) => boolean;
  empty?: string;
};

/** A set of values posted under one name (`regimes=gdpr&regimes=ccpa`), styled as one field. */
function ValueCheckboxes({ id, legend, errors, options, isChecked, empty }: ValueCheckboxesProps) {
  return (
    <CheckboxGroup
      id={id}
      legend={legend}
      errors={errors}
      empty={empty}
      className={errors?.length ? 'field field--invalid' : 'field'}
      boxes={options.map((option) => ({
        id: `${id}-${option.value}`,
        name: id,
        value: option.value,
        label: option.label,
        isChecked: isChecked(option.value),
      }))}
    />
  );
}
