'use client';

import { useActionState } from 'react';
import { Checkbox, CheckboxGroup } from '@/components/checkbox-group';
import { FormField, InputField } from '@/components/form-field';
import { pauseKindLabels } from '@/lib/deadlines/pause-kind-labels';
import { bankHolidayRegionLabels, bankHolidayYears } from '@/lib/deadlines/uk-bank-holidays';
import { bankHolidayRegions, pauseKinds, type TDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { clockStopField, requestTypeFields } from '@/lib/validation/jurisdiction-policy-form';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { updateJurisdictionPolicyAction } from '../../actions';
import { ZJurisdictionPolicyForm } from '@/lib/validation/jurisdiction-policy-form';
import { maxLengthOf } from '@/lib/validation/max-length-of';

const labels: Record<string, string> = {
  label: 'Name shown to requesters',
  deadlineAmount: 'Deadline',
  deadlineUnit: 'Deadline unit',
  rollWeekendToNextWorkingDay: 'Weekend due dates',
  hasExtension: 'Extension',
  extensionAmount: 'Extension length',
  extensionUnit: 'Extension unit',
  extensionMaxCount: 'Extensions allowed',
  acknowledgementBusinessDays: 'Acknowledge within (business days)',
  bankHolidays: 'Bank holidays',
  clockStopIdentity: 'Clock stop: proof of identity',
  clockStopClarification: 'Clock stop: clarification',
  clockStopFee: 'Clock stop: fee',
  hasAppeal: 'Appeal',
  appealWindowDays: 'Appeal window (days)',
  appealDeadlineAmount: 'Time to decide an appeal',
  appealDeadlineUnit: 'Appeal deadline unit',
  appealExtensionAmount: 'Appeal extension',
  appealExtensionUnit: 'Appeal extension unit',
  regulatorContact: 'Regulator contact',
  legalBasis: 'Legal basis',
};

/** The form's fields as strings, from the stored policy. */
function policyValues(policy: TDeadlinePolicy): Record<string, string> {
  return {
    label: policy.label,
    deadlineAmount: String(policy.deadline.amount),
    deadlineUnit: policy.deadline.unit,
    rollWeekendToNextWorkingDay: policy.deadline.rollWeekendToNextWorkingDay ? 'on' : '',
    hasExtension: policy.extension ? 'on' : '',
    extensionAmount: policy.extension ? String(policy.extension.amount) : '',
    extensionUnit: policy.extension?.unit ?? 'days',
    extensionMaxCount: policy.extension ? String(policy.extension.maxCount) : '1',
    acknowledgementBusinessDays: policy.acknowledgementBusinessDays ? String(policy.acknowledgementBusinessDays) : '',
    bankHolidays: policy.deadline.bankHolidays ?? '',
    ...Object.fromEntries(pauseKinds.map((kind) => [clockStopField[kind], policy.clockStopKinds.includes(kind) ? 'on' : ''])),
    hasAppeal: policy.appeal ? 'on' : '',
    appealWindowDays: policy.appeal ? String(policy.appeal.windowDays) : '',
    appealDeadlineAmount: policy.appeal ? String(policy.appeal.deadline.amount) : '',
    appealDeadlineUnit: policy.appeal?.deadline.unit ?? 'days',
    appealExtensionAmount: policy.appeal?.extension ? String(policy.appeal.extension.amount) : '',
    appealExtensionUnit: policy.appeal?.extension?.unit ?? 'days',
    regulatorContact: policy.appeal?.regulatorContact ?? '',
    ...Object.fromEntries(
      requestTypes.flatMap((type) => {
        const names = requestTypeFields(type);
        const clock = policy.byRequestType[type];
        return [
          [names.offered, policy.requestTypes.includes(type) ? 'on' : ''],
          [names.amount, clock ? String(clock.deadline.amount) : ''],
          [names.unit, clock?.deadline.unit ?? 'business_days'],
        ];
      }),
    ),
    legalBasis: policy.legalBasis,
  };
}

function UnitSelect({
  id,
  value,
  describedBy,
  isInvalid,
  label,
}: {
  id: string;
  value?: string;
  describedBy?: string;
  isInvalid: boolean;
  label: string;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={id}
        defaultValue={value ?? 'days'}
        aria-describedby={describedBy}
        aria-invalid={isInvalid}
        className="select--inline"
      >
        <option value="days">days</option>
        <option value="months">months</option>
      </select>
    </>
  );
}

/** A number and its unit (days or months), named `<name>Amount` and `<name>Unit`, with both fields' errors in one slot. */
function DurationField({
  name,
  label,
  hint,
  values,
  errors,
  required,
}: {
  name: string;
  label: string;
  hint: string;
  required?: boolean;
  values: Record<string, string>;
  errors: Record<string, string[] | undefined>;
}) {
  const amount = `${name}Amount`;
  const unit = `${name}Unit`;
  return (
    <FormField id={amount} label={label} hint={hint} errors={[...(errors[amount] ?? []), ...(errors[unit] ?? [])]}>
      {(describedBy, isInvalid) => (
        <div className="input-group">
          <input
            type="number"
            inputMode="numeric"
            id={amount}
            name={amount}
            required={required}
            min={1}
            max={366}
            defaultValue={values[amount]}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
            className="input--short"
          />
          <UnitSelect
            id={unit}
            label={labels[unit] ?? unit}
            value={values[unit]}
            describedBy={describedBy}
            isInvalid={Boolean(errors[unit])}
          />
        </div>
      )}
    </FormField>
  );
}

export function PolicyForm({ code, policy }: { code: string; policy: TDeadlinePolicy }) {
  const [state, formAction, isPending] = useActionState(updateJurisdictionPolicyAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? policyValues(policy);

  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        <input type="hidden" name="code" value={code} />

        <InputField
          id="label"
          label={labels.label!}
          hint="The region as the request form lists it."
          errors={errors.label}
          type="text"
          required
          maxLength={maxLengthOf(ZJurisdictionPolicyForm, 'label')}
          defaultValue={values.label}
        />

        <DurationField
          name="deadline"
          label={labels.deadlineAmount!}
          hint="Counted from the day the request was received."
          required
          values={values}
          errors={errors}
        />

        <Checkbox
          id="rollWeekendToNextWorkingDay"
          label="A due date on a Saturday or Sunday moves to the Monday"
          isChecked={values.rollWeekendToNextWorkingDay === 'on'}
        />

        <fieldset className="policy-fieldset">
          <legend>{labels.hasExtension}</legend>
          <Checkbox id="hasExtension" label="The deadline can be extended" isChecked={values.hasExtension === 'on'} />
          <DurationField
            name="extension"
            label={labels.extensionAmount!}
            hint="Added to the deadline each time it is extended."
            values={values}
            errors={errors}
          />
          <InputField
            id="extensionMaxCount"
            label={labels.extensionMaxCount!}
            hint="1 to 3."
            errors={errors.extensionMaxCount}
            type="number"
            min={1}
            max={3}
            defaultValue={values.extensionMaxCount}
            className="input--short"
          />
        </fieldset>

        <InputField
          id="acknowledgementBusinessDays"
          label={`${labels.acknowledgementBusinessDays} (optional)`}
          hint="Leave empty where the law sets no acknowledgement deadline."
          errors={errors.acknowledgementBusinessDays}
          type="number"
          min={1}
          max={60}
          defaultValue={values.acknowledgementBusinessDays}
          className="input--short"
        />

        <FormField
          id="bankHolidays"
          label={`${labels.bankHolidays} (optional)`}
          hint="With the weekend rule on, a due date on one of these bank holidays also moves to the next working day."
          errors={errors.bankHolidays}
        >
          {(describedBy, isInvalid) => (
            <select
              id="bankHolidays"
              name="bankHolidays"
              defaultValue={values.bankHolidays ?? ''}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            >
              <option value="">None</option>
              {bankHolidayRegions.map((region) => (
                <option key={region} value={region}>
                  {bankHolidayRegionLabels[region]} (known for {bankHolidayYears(region).join(', ')})
                </option>
              ))}
            </select>
          )}
        </FormField>

        <CheckboxGroup
          className="policy-fieldset"
          legend="Clock stop"
          hintId="clockStopKinds-hint"
          hint="The clock stops while we wait for the requester to send what is ticked. Leave all empty where the law runs the clock regardless (CCPA)."
          boxes={pauseKinds.map((kind) => ({
            id: clockStopField[kind],
            label: pauseKindLabels[kind],
            isChecked: values[clockStopField[kind]] === 'on',
          }))}
        />

        <fieldset className="policy-fieldset">
          <legend>{labels.hasAppeal}</legend>
          <Checkbox id="hasAppeal" label="The requester can appeal a refusal" isChecked={values.hasAppeal === 'on'} />
          <InputField
            id="appealWindowDays"
            label={labels.appealWindowDays!}
            hint="Days after a refusal in which the requester may appeal; shown in the refusal email and on the status page."
            errors={errors.appealWindowDays}
            type="number"
            min={1}
            max={366}
            defaultValue={values.appealWindowDays}
            className="input--short"
          />
          <DurationField
            name="appealDeadline"
            label={labels.appealDeadlineAmount!}
            hint="Counted from the day the appeal is received."
            values={values}
            errors={errors}
          />
          <DurationField
            name="appealExtension"
            label={`${labels.appealExtensionAmount} (optional)`}
            hint="Leave empty where the law allows no extension of an appeal."
            values={values}
            errors={errors}
          />
          <InputField
            id="regulatorContact"
            label={`${labels.regulatorContact} (optional)`}
            hint="How to complain to the attorney general if an appeal is denied, where the law asks for it."
            errors={errors.regulatorContact}
            type="text"
            maxLength={300}
            defaultValue={values.regulatorContact}
          />
        </fieldset>

        <fieldset className="policy-fieldset" aria-describedby="request-types-hint">
          <legend>Rights under this law</legend>
          <p className="field__hint" id="request-types-hint">
            Tick the requests this law gives a right to; the form refuses the others for this region. A type’s own deadline (for example
            California’s 15 business days for opt-outs) replaces the deadline above for that type, with no extension; leave it empty to use
            the deadline above.
          </p>
          {errors[requestTypeFields('access').offered] ? (
            <p className="field__error">{errors[requestTypeFields('access').offered]!.join(' ')}</p>
          ) : null}
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Offered</th>
                <th scope="col">Own deadline</th>
              </tr>
            </thead>
            <tbody>
              {requestTypes.map((type) => {
                const names = requestTypeFields(type);
                const fieldErrors = [...(errors[names.amount] ?? []), ...(errors[names.unit] ?? [])];
                return (
                  <tr key={type}>
                    <th scope="row">{requestTypeLabels[type].title}</th>
                    <td>
                      <input
                        type="checkbox"
                        id={names.offered}
                        name={names.offered}
                        defaultChecked={values[names.offered] === 'on'}
                        aria-label={`${requestTypeLabels[type].title} offered`}
                      />
                    </td>
                    <td>
                      <div className="input-group">
                        <input
                          type="number"
                          inputMode="numeric"
                          id={names.amount}
                          name={names.amount}
                          min={1}
                          max={366}
                          defaultValue={values[names.amount]}
                          aria-label={`${requestTypeLabels[type].title}: own deadline`}
                          aria-invalid={fieldErrors.length > 0}
                          className="input--short"
                        />
                        <select
                          id={names.unit}
                          name={names.unit}
                          defaultValue={values[names.unit]}
                          aria-label={`${requestTypeLabels[type].title}: own deadline unit`}
                          className="select--inline"
                        >
                          <option value="days">days</option>
                          <option value="business_days">business days</option>
                          <option value="months">months</option>
                        </select>
                      </div>
                      {fieldErrors.length ? <p className="field__error">{fieldErrors.join(' ')}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>

        <InputField
          id="legalBasis"
          label={labels.legalBasis!}
          hint="Shown to staff beside the due date, so they can check the rule against the law."
          errors={errors.legalBasis}
          type="text"
          maxLength={maxLengthOf(ZJurisdictionPolicyForm, 'legalBasis')}
          defaultValue={values.legalBasis}
        />

        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save deadline policy'}
        </button>
      </form>
    </>
  );
}
