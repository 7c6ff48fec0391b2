'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { initialActionState } from './action-state';
import { type BulkState, bulkAction } from './actions';

type QueueBulkFormProps = { id: string; staff: { id: string; name: string }[]; currentStaffId: string };

const labels = { references: 'Requests', action: 'Action', assigneeId: 'Assign to', message: 'Message to the requester' };

/** One action on the ticked rows; each request succeeds or fails on its own and the summary says which. */
export function QueueBulkForm({ id, staff, currentStaffId }: QueueBulkFormProps) {
  const [state, formAction, isPending] = useActionState<BulkState, FormData>(bulkAction, initialActionState);
  const values = state.values ?? {};
  const selectAll = (isChecked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="references"][form="${id}"]`))
      box.checked = isChecked;
  };
  return (
    <form id={id} action={formAction} className="queue-bulk" aria-label="Bulk actions">
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={labels} />
      <fieldset>
        <legend>With the selected requests</legend>
        <div className="queue-bulk__controls">
          <div className="choice">
            <input type="checkbox" id="select-all" onChange={(event) => selectAll(event.currentTarget.checked)} />
            <label htmlFor="select-all">Select all on this page</label>
          </div>
          <div className="field">
            <label htmlFor="bulk-action">Action</label>
            <select id="bulk-action" name="action" defaultValue={values.action ?? 'assign'} key={`action-${values.action}`}>
              <option value="assign">Assign</option>
              <option value="reject_duplicate">Reject as duplicate</option>
              <option value="reject_spam">Reject as spam</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="assigneeId">Assign to</label>
            <select
              id="assigneeId"
              name="assigneeId"
              defaultValue={values.assigneeId ?? currentStaffId}
              key={`assignee-${values.assigneeId}`}
            >
              <option value={currentStaffId}>Me</option>
              <option value="">Nobody (unassign)</option>
              {staff
                .filter((member) => member.id !== currentStaffId)
                .map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field queue-bulk__message">
            <label htmlFor="message">Message to the requester (rejections only, optional)</label>
            <textarea
              id="message"
              name="message"
              rows={2}
              defaultValue={values.message ?? ''}
              key={`message-${values.message}`}
              aria-invalid={Boolean(state.fieldErrors?.message)}
            />
          </div>
          <button type="submit" disabled={isPending}>
            {isPending ? 'Applying…' : 'Apply to selected'}
          </button>
        </div>
        <span id="references" tabIndex={-1} />
      </fieldset>
      <div aria-live="polite">
        {state.notice ? (
          <div className="notice">
            <p>{state.notice}</p>
            {state.results?.length ? (
              <ul className="queue-bulk__results">
                {state.results.map((result) => (
                  <li key={result.reference}>
                    {result.reference}: {result.isDone ? 'done' : `failed — ${result.error}`}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
