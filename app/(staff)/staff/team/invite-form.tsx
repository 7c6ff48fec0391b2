'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/form-field';
import { roleLabels, staffRoles } from '@/lib/staff/permissions';
import { initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';
import { RadioFieldset } from '@/components/radio-fieldset';
import { inviteStaffMemberAction } from './actions';
import { ZInviteStaffMember } from '@/lib/validation/staff-members';
import { maxLengthOf } from '@/lib/validation/max-length-of';

const labels = { email: 'Email address', name: 'Name', role: 'Role' };

export function InviteForm() {
  const [state, formAction, isPending] = useActionState(inviteStaffMemberAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  return (
    <>
      <ActionNotice state={state} />
      {/* A new key after each submit: kept values show again after a failure, the form empties after a success. */}
      <form action={formAction} noValidate key={JSON.stringify(state)} aria-labelledby="invite-heading">
        <ActionProblems state={state} labels={labels} />
        <InputField
          id="email"
          label={labels.email}
          hint="Their work address: they sign in with a link sent to it."
          errors={errors.email}
          type="email"
          autoComplete="off"
          required
          maxLength={maxLengthOf(ZInviteStaffMember, 'email')}
          defaultValue={values.email}
        />
        <InputField
          id="name"
          label={`${labels.name} (optional)`}
          errors={errors.name}
          type="text"
          autoComplete="off"
          maxLength={maxLengthOf(ZInviteStaffMember, 'name')}
          defaultValue={values.name}
        />
        <RadioFieldset
          name="role"
          legend={labels.role}
          options={staffRoles.map((role) => ({ value: role, label: roleLabels[role] }))}
          checked={values.role ?? 'agent'}
          errors={errors.role}
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
    </>
  );
}
