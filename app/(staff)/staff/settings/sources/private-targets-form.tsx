'use client';

import { useActionState } from 'react';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { setPrivateTargetsAllowedAction } from './actions';

/** Settings → Data sources: the one switch for loopback, private and link-local addresses (sources, event webhooks, OpenDSR callbacks). */
export function PrivateTargetsForm({ isAllowed }: { isAllowed: boolean }) {
  const [state, formAction, isPending] = useActionState(setPrivateTargetsAllowedAction, initialActionState);
  return (
    <section aria-labelledby="private-targets-heading">
      <h2 id="private-targets-heading">Private network addresses</h2>
      <p>
        Off, a webhook URL (a source’s, an event subscription’s or an OpenDSR status callback’s) or database host that is (or resolves to) a
        loopback, private or link-local address such as 127.0.0.1, 10.0.0.5 or 169.254.169.254 is refused when it is saved and again each
        time the worker connects. Turn it on only if your own systems live on a private network.
      </p>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={{ allowPrivateTargets: 'Allow private network addresses' }} />
        <div className="checkbox">
          <input type="checkbox" id="allowPrivateTargets" name="allowPrivateTargets" defaultChecked={isAllowed} />
          <label htmlFor="allowPrivateTargets">Allow private network addresses</label>
        </div>
        <button type="submit" disabled={isPending}>
          Save
        </button>
      </form>
    </section>
  );
}
