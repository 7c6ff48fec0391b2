'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/form-field';
import { webhookEventTypeLabels, webhookEventTypes } from '@/lib/webhooks/webhook-event-types';
import { initialActionState } from '../../action-state';
import { CheckboxFieldset } from '@/components/checkbox-group';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { OneTimeSecret } from '../sources/one-time-secret';
import { createEventSubscriptionAction } from './actions';

const labels = { name: 'Name', url: 'URL', events: 'Events' };

export function CreateSubscriptionForm() {
  const [state, formAction, isPending] = useActionState(createEventSubscriptionAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ActionNotice state={state} />
      {state.oneTimeSecret ? <OneTimeSecret secret={state.oneTimeSecret} /> : null}
      <form action={formAction} noValidate key={JSON.stringify(state)} aria-labelledby="new-subscription-heading">
        <ActionProblems state={state} labels={labels} />
        <InputField
          id="name"
          label={labels.name}
          errors={errors.name}
          type="text"
          autoComplete="off"
          maxLength={100}
          defaultValue={values.name}
        />
        <InputField
          id="url"
          label={labels.url}
          hint="Events are POSTed here as JSON, signed with X-DSR-Desk-Signature. Public addresses only."
          errors={errors.url}
          type="url"
          autoComplete="off"
          maxLength={2000}
          defaultValue={values.url}
        />
        <CheckboxFieldset
          name="events"
          legend={labels.events}
          options={webhookEventTypes.map((type) => ({ value: type, label: webhookEventTypeLabels[type] }))}
          checked={(type) => values[`events:${type}`] === 'on'}
          errors={errors.events}
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Subscribing…' : 'Subscribe'}
        </button>
      </form>
    </>
  );
}
