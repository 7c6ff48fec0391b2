'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { setDataSourceEnabledAction } from '../actions';

/** Switches the source on or off; the version is the page's, so a stale page is refused. */
export function EnabledForm({ slug, version, isEnabled }: { slug: string; version: number; isEnabled: boolean }) {
  const [state, formAction, isPending] = useActionState(setDataSourceEnabledAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={{}} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="isEnabled" value={isEnabled ? 'false' : 'true'} />
        <p>
          {isEnabled ? 'On: runs started from now on include this source.' : 'Off: runs leave this source out.'}{' '}
          <button type="submit" className="button--secondary button--small" disabled={isPending}>
            {isEnabled ? 'Switch off' : 'Switch on'}
          </button>
        </p>
      </form>
    </>
  );
}
