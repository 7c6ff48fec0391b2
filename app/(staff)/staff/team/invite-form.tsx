'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { roleLabels, staffRoles } from '@/lib/staff/permissions';
import { initialActionState } from '../action-state';
import { inviteStaffMemberAction } from './actions';

const labels = { email: 'Email address', name: 'Name', role: 'Role' };

export function InviteForm() {
  const [state, formAction, isPending] = useActionState(inviteStaffMemberAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError) summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [state]);

  return (
    <>
      {/* Outside the keyed form, so the live region stays mounted and screen readers announce the change. */}
      <div aria-live="polite">{state.notice ? <p className="notice notice--ok">{state.notice}</p> : null}</div>
      {/* A new key after each submit: kept values show again after a failure, the form empties after a success. */}
      <form action={formAction} noValidate key={JSON.stringify(state)} aria-labelledby="invite-heading">
      <div ref={summaryRef}>
        <ErrorSummary message={state.formError} fieldErrors={errors} labels={labels} />
      </div>
      <FormField id="email" label={labels.email} hint="Their work address: they sign in with a link sent to it." errors={errors.email}>
        {(describedBy, isInvalid) => (
          <input type="email" id="email" name="email" autoComplete="off" required maxLength={254} defaultValue={values.email} aria-describedby={describedBy} aria-invalid={isInvalid} />
        )}
      </FormField>
      <FormField id="name" label={`${labels.name} (optional)`} errors={errors.name}>
        {(describedBy, isInvalid) => <input type="text" id="name" name="name" autoComplete="off" maxLength={120} defaultValue={values.name} aria-describedby={describedBy} aria-invalid={isInvalid} />}
      </FormField>
      <fieldset id="role" aria-describedby={errors.role ? 'role-error' : undefined}>
        <legend>{labels.role}</legend>
        {errors.role ? (
          <p className="field__error" id="role-error">
            {errors.role.join(' ')}
          </p>
        ) : null}
        {staffRoles.map((role) => (
          <div className="choice" key={role}>
            <input type="radio" id={`role-${role}`} name="role" value={role} defaultChecked={(values.role ?? 'agent') === role} />
            <label htmlFor={`role-${role}`}>{roleLabels[role]}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Send invitation'}
      </button>
      </form>
    </>
  );
}
