'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { assignRequestAction } from './actions';
import { FormProblem } from './form-problem';

type AssignRequestFormProps = {
  reference: string;
  version: number;
  currentStaffId: string;
  assigneeId: string | null;
  staff: { id: string; name: string; email: string }[];
};

/** Three small forms sharing one result: take it, give it to a colleague, or put it back in the pool. */
export function AssignRequestForm({ reference, version, currentStaffId, assigneeId, staff }: AssignRequestFormProps) {
  const [state, formAction, isPending] = useActionState(assignRequestAction, initialActionState);
  const hidden = (
    <>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="assign-forms">
      <FormProblem state={state} reference={reference} />
      {assigneeId !== currentStaffId ? (
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="assigneeId" value={currentStaffId} />
          <button type="submit" disabled={isPending}>
            Assign to me
          </button>
        </form>
      ) : null}
      <form action={formAction} className="assign-forms__pick">
        {hidden}
        <FormField id="assignee" label="Assign to" errors={state.fieldErrors?.assigneeId}>
          {(describedBy, isInvalid) => (
            <select
              id="assignee"
              name="assigneeId"
              required
              defaultValue={state.values?.assigneeId ?? assigneeId ?? ''}
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
            >
              <option value="" disabled>
                Choose a colleague
              </option>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name ? `${member.name} (${member.email})` : member.email}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="button--secondary" disabled={isPending}>
          Assign
        </button>
      </form>
      {assigneeId ? (
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="assigneeId" value="" />
          <button type="submit" className="button--link" disabled={isPending}>
            Unassign
          </button>
        </form>
      ) : null}
    </div>
  );
}
