'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { QueueView } from '@/lib/queue/queue-view-href';
import { initialActionState } from './action-state';
import { deleteQueueViewAction, saveQueueViewAction } from './actions';

/** The signed-in staff member's named views (filters and sort), and a form to save the current one. */
export function QueueViews({ views, currentQuery }: { views: QueueView[]; currentQuery: string }) {
  const [saveState, saveAction, isSaving] = useActionState(saveQueueViewAction, initialActionState);
  const [deleteState, deleteAction] = useActionState(deleteQueueViewAction, initialActionState);
  const nameErrors = saveState.fieldErrors?.name;
  return (
    <section className="queue-views" aria-labelledby="queue-views-heading">
      <h2 id="queue-views-heading" className="queue-views__heading">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="field__hint">None yet: filter or sort the queue, then save the view under a name.</p>
      ) : (
        <ul className="queue-views__list">
          {views.map((view) => (
            <li key={view.id}>
              <Link href={view.href}>{view.name}</Link>
              <form action={deleteAction} className="queue-views__delete">
                <input type="hidden" name="id" value={view.id} />
                <button type="submit" className="button--link" aria-label={`Delete the view ${view.name}`}>
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={saveAction} className="queue-views__save">
        <input type="hidden" name="query" value={currentQuery} />
        <label htmlFor="queue-view-name">Save this view as</label>
        <input
          id="queue-view-name"
          name="name"
          required
          maxLength={60}
          aria-invalid={nameErrors?.length ? true : undefined}
          aria-describedby={nameErrors?.length ? 'queue-view-name-error' : undefined}
        />
        <button type="submit" className="button--secondary" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save view'}
        </button>
        {nameErrors?.length ? (
          <p className="field__error" id="queue-view-name-error">
            {nameErrors.join(' ')}
          </p>
        ) : null}
      </form>
      <div aria-live="polite">
        {saveState.notice || deleteState.notice ? <p className="notice notice--ok">{saveState.notice ?? deleteState.notice}</p> : null}
        {saveState.formError && !nameErrors?.length ? <p className="field__error">{saveState.formError}</p> : null}
        {deleteState.formError ? <p className="field__error">{deleteState.formError}</p> : null}
      </div>
    </section>
  );
}
