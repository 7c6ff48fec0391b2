'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { setPrivateTargetsAllowedAction } from './actions';

/** Settings → Data sources: may sources reach loopback, private and link-local addresses? */
export function PrivateTargetsForm({ isAllowed }: { isAllowed: boolean }) {
  const [state, formAction, isPending] = useActionState(setPrivateTargetsAllowedAction, initialActionState);
  return (
    <section aria-labelledby="private-targets-heading">
      <h2 id="private-targets-heading">Private network addresses</h2>
      <p>
        Off, a webhook URL (a source’s or an event subscription’s) or database host that is (or resolves to) a loopback, private or
        link-local address such as 127.0.0.1, 10.0.0.5 or 169.254.169.254 is refused when the source is saved and again each time the worker
        connects. Turn it on only if your own systems live on a private network.
      </p>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={{ allowPrivateTargets: 'Allow private targets' }} />
        <div className="checkbox">
          <input type="checkbox" id="allowPrivateTargets" name="allowPrivateTargets" defaultChecked={isAllowed} />
          <label htmlFor="allowPrivateTargets">Allow data sources on private network addresses</label>
        </div>
        <button type="submit" disabled={isPending}>
          Save
        </button>
      </form>
    </section>
  );
}
