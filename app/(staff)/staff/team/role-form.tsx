'use client';

import { useActionState } from 'react';
import { type StaffRole, staffRoles } from '@/lib/staff/permissions';
import { initialActionState } from '../action-state';
import { changeStaffRoleAction } from './actions';

/** One row's role picker. Demoting the last active admin is refused by the use case and shown here. */
export function RoleForm({ staffId, email, role }: { staffId: string; email: string; role: StaffRole }) {
  const [state, formAction, isPending] = useActionState(changeStaffRoleAction, initialActionState);
  const selectId = `role-of-${staffId}`;
  const messageId = `role-message-${staffId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="staffId" value={staffId} />
      <label className="visually-hidden" htmlFor={selectId}>
        Role of {email}
      </label>
      <select
        id={selectId}
        name="role"
        defaultValue={state.values?.role ?? role}
        aria-describedby={messageId}
        aria-invalid={Boolean(state.formError)}
      >
        {staffRoles.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button--secondary button--small" disabled={isPending}>
        Change role<span className="visually-hidden"> of {email}</span>
      </button>
      <p id={messageId} className={state.formError ? 'field__error inline-form__message' : 'inline-form__message'} aria-live="polite">
        {state.formError ?? state.notice ?? ''}
      </p>
    </form>
  );
}
