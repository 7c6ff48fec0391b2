'use client';

import { useActionState, useEffect, useState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { initialActionState } from './action-state';
import { type BulkState, bulkAction } from './actions';

type QueueBulkFormProps = { id: string; staff: { id: string; name: string }[]; currentStaffId: string };

const labels = {
  references: 'Requests',
  action: 'Action',
  assigneeId: 'Assign to',
  message: 'Message to the requester',
  isConfirmed: 'Confirmation',
};

function countSelected(formId: string): number {
  return document.querySelectorAll(`input[type="checkbox"][name="references"][form="${formId}"]:checked`).length;
}

/**
 * One action on the ticked rows, shown once something is ticked. A rejection asks first: the server
 * answers with what would happen and to whom, and rejects only when that is confirmed (and requests
 * staff filed with a recorded identity check only with a second, separate tick).
 */
export function QueueBulkForm({ id, staff, currentStaffId }: QueueBulkFormProps) {
  const [state, formAction, isPending] = useActionState<BulkState, FormData>(bulkAction, initialActionState);
  const [selected, setSelected] = useState(0);
  const values = state.values ?? {};
  const preview = state.preview;
  const toReject = preview?.filter((row) => !row.isClosed) ?? [];
  const identityChecked = toReject.filter((row) => row.isIdentityChecked);

  useEffect(() => {
    const update = () => setSelected(countSelected(id));
    update();
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.name === 'references') update();
    };
    document.addEventListener('change', onChange);
    document.addEventListener('queue-selection-change', update);
    return () => {
      document.removeEventListener('change', onChange);
      document.removeEventListener('queue-selection-change', update);
    };
  }, [id]);

  return (
    <form id={id} action={formAction} className="queue-bulk" aria-label="Bulk actions" hidden={selected === 0 && !state.notice}>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={labels} />
      <fieldset>
        <legend>
          With the {selected} selected {selected === 1 ? 'request' : 'requests'}
        </legend>
        <div className="queue-bulk__controls">
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
          {preview ? null : (
            <button type="submit" disabled={isPending}>
              {isPending ? 'Applying…' : 'Apply to selected'}
            </button>
          )}
        </div>
        <span id="references" tabIndex={-1} />
      </fieldset>
      {preview ? (
        <section className="queue-bulk__confirm warning" aria-labelledby="bulk-confirm-heading">
          <h2 id="bulk-confirm-heading">Reject {toReject.length === 1 ? 'this request' : `these ${toReject.length} requests`}?</h2>
          <p>
            Each request closes as declined ({values.action === 'reject_spam' ? 'not a genuine request' : 'a duplicate'}) and its requester
            is emailed the reason. This cannot be undone.
          </p>
          <ul className="queue-bulk__results">
            {toReject.map((row) => (
              <li key={row.reference}>
                {row.reference}: {row.requesterName ?? 'name removed'}
                {row.requesterEmail ? ` (${row.requesterEmail})` : ''}
                {row.isIdentityChecked ? ' — filed by staff with a recorded identity check' : ''}
              </li>
            ))}
          </ul>
          {preview.length > toReject.length ? (
            <p className="field__hint">{preview.length - toReject.length} selected requests are already closed and will be skipped.</p>
          ) : null}
          <div className="choice">
            <input type="checkbox" id="bulk-confirm" name="isConfirmed" value="yes" required />
            <label htmlFor="bulk-confirm">
              Yes, reject {toReject.length === 1 ? 'it' : `these ${toReject.length} requests`} and email{' '}
              {toReject.length === 1 ? 'the requester' : 'each requester'}
            </label>
          </div>
          {identityChecked.length > 0 ? (
            <div className="choice">
              <input type="checkbox" id="bulk-include-identity-checked" name="includeIdentityChecked" value="yes" />
              <label htmlFor="bulk-include-identity-checked">
                Also reject the {identityChecked.length === 1 ? 'request' : `${identityChecked.length} requests`} filed by staff with a
                recorded identity check ({identityChecked.map((row) => row.reference).join(', ')}); otherwise{' '}
                {identityChecked.length === 1 ? 'it is' : 'they are'} skipped
              </label>
            </div>
          ) : null}
          <button type="submit" className="button--danger" disabled={isPending}>
            {isPending ? 'Rejecting…' : 'Reject selected requests'}
          </button>
        </section>
      ) : null}
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
