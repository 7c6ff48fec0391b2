'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';
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
  clockStopAllowed: 'Clock stop',
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
    clockStopAllowed: policy.clockStopAllowed ? 'on' : '',
    legalBasis: policy.legalBasis,
  };
}

function UnitSelect({ id, value, describedBy, isInvalid, label }: { id: string; value?: string; describedBy?: string; isInvalid: boolean; label: string }) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? 'days'} aria-describedby={describedBy} aria-invalid={isInvalid} className="select--inline">
        <option value="days">days</option>
        <option value="months">months</option>
      </select>
    </>
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

        <FormField id="label" label={labels.label!} hint="The region as the request form lists it." errors={errors.label}>
          {(describedBy, isInvalid) => <input type="text" id="label" name="label" required maxLength={maxLengthOf(ZJurisdictionPolicyForm, 'label')} defaultValue={values.label} aria-describedby={describedBy} aria-invalid={isInvalid} />}
        </FormField>

        <FormField id="deadlineAmount" label={labels.deadlineAmount!} hint="Counted from the day the request was received." errors={[...(errors.deadlineAmount ?? []), ...(errors.deadlineUnit ?? [])]}>
          {(describedBy, isInvalid) => (
            <div className="input-group">
              <input type="number" inputMode="numeric" id="deadlineAmount" name="deadlineAmount" required min={1} max={366} defaultValue={values.deadlineAmount} aria-describedby={describedBy} aria-invalid={isInvalid} className="input--short" />
              <UnitSelect id="deadlineUnit" label={labels.deadlineUnit!} value={values.deadlineUnit} describedBy={describedBy} isInvalid={Boolean(errors.deadlineUnit)} />
            </div>
          )}
        </FormField>

        <div className="choice">
          <input type="checkbox" id="rollWeekendToNextWorkingDay" name="rollWeekendToNextWorkingDay" defaultChecked={values.rollWeekendToNextWorkingDay === 'on'} />
          <label htmlFor="rollWeekendToNextWorkingDay">A due date on a Saturday or Sunday moves to the Monday</label>
        </div>

        <fieldset className="policy-fieldset">
          <legend>{labels.hasExtension}</legend>
          <div className="choice">
            <input type="checkbox" id="hasExtension" name="hasExtension" defaultChecked={values.hasExtension === 'on'} />
            <label htmlFor="hasExtension">The deadline can be extended</label>
          </div>
          <FormField id="extensionAmount" label={labels.extensionAmount!} hint="Added to the deadline each time it is extended." errors={[...(errors.extensionAmount ?? []), ...(errors.extensionUnit ?? [])]}>
            {(describedBy, isInvalid) => (
              <div className="input-group">
                <input type="number" inputMode="numeric" id="extensionAmount" name="extensionAmount" min={1} max={366} defaultValue={values.extensionAmount} aria-describedby={describedBy} aria-invalid={isInvalid} className="input--short" />
                <UnitSelect id="extensionUnit" label={labels.extensionUnit!} value={values.extensionUnit} describedBy={describedBy} isInvalid={Boolean(errors.extensionUnit)} />
              </div>
            )}
          </FormField>
          <FormField id="extensionMaxCount" label={labels.extensionMaxCount!} hint="1 to 3." errors={errors.extensionMaxCount}>
            {(describedBy, isInvalid) => (
              <input type="number" inputMode="numeric" id="extensionMaxCount" name="extensionMaxCount" min={1} max={3} defaultValue={values.extensionMaxCount} aria-describedby={describedBy} aria-invalid={isInvalid} className="input--short" />
            )}
          </FormField>
        </fieldset>

        <FormField id="acknowledgementBusinessDays" label={`${labels.acknowledgementBusinessDays} (optional)`} hint="Leave empty where the law sets no acknowledgement deadline." errors={errors.acknowledgementBusinessDays}>
          {(describedBy, isInvalid) => (
            <input type="number" inputMode="numeric" id="acknowledgementBusinessDays" name="acknowledgementBusinessDays" min={1} max={60} defaultValue={values.acknowledgementBusinessDays} aria-describedby={describedBy} aria-invalid={isInvalid} className="input--short" />
          )}
        </FormField>

        <div className="choice">
          <input type="checkbox" id="clockStopAllowed" name="clockStopAllowed" defaultChecked={values.clockStopAllowed === 'on'} />
          <label htmlFor="clockStopAllowed">The clock stops while we wait for information from the requester</label>
        </div>

        <FormField id="legalBasis" label={labels.legalBasis!} hint="Shown to staff beside the due date, so they can check the rule against the law." errors={errors.legalBasis}>
          {(describedBy, isInvalid) => <input type="text" id="legalBasis" name="legalBasis" maxLength={maxLengthOf(ZJurisdictionPolicyForm, 'legalBasis')} defaultValue={values.legalBasis} aria-describedby={describedBy} aria-invalid={isInvalid} />}
        </FormField>

        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save deadline policy'}
        </button>
      </form>
    </>
  );
}
