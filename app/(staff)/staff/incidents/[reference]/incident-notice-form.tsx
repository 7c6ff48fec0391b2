'use client';

import { useActionState } from 'react';
import { InputField, TextAreaField } from '@/components/form-field';
import { noticePartLabels, type TIncidentNotice } from '@/lib/validation/incident-notice';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { saveIncidentNoticeAction, sendIncidentNoticeAction } from '../actions';

const labels = { subject: 'Email subject', ...noticePartLabels };

const hints: Record<keyof typeof noticePartLabels, string> = {
  whatHappened: 'In plain words, without jargon: what happened and when.',
  dataInvolved: 'Which kinds of their data were involved.',
  whatWeDid: 'The measures taken or proposed, including to limit the harm.',
  whatYouCanDo: 'Steps they can take to protect themselves.',
  contact: 'A name or role and how to reach them (e.g. your data protection officer).',
};

/** The notice to the people affected, saved as a draft to preview before sending. */
export function IncidentNoticeForm({
  reference,
  version,
  current,
}: {
  reference: string;
  version: number;
  current: TIncidentNotice | null;
}) {
  const [state, action, isPending] = useActionState(saveIncidentNoticeAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const value = (field: keyof TIncidentNotice) => state.values?.[field] ?? current?.[field] ?? '';
  return (
    <>
      <ActionNotice state={state} />
      <form action={action} noValidate key={JSON.stringify(state)} aria-label="Notice to the people affected">
        <ActionProblems state={state} labels={labels} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="version" value={version} />
        <InputField
          id="notice-subject"
          label={labels.subject}
          errors={errors.subject}
          type="text"
          name="subject"
          maxLength={150}
          defaultValue={value('subject')}
        />
        {(Object.keys(noticePartLabels) as (keyof typeof noticePartLabels)[]).map((part) => (
          <TextAreaField
            key={part}
            id={`notice-${part}`}
            label={labels[part]}
            hint={hints[part]}
            errors={errors[part]}
            name={part}
            rows={3}
            maxLength={3000}
            defaultValue={value(part)}
          />
        ))}
        <button type="submit" className="button button--secondary" disabled={isPending}>
          Save and preview
        </button>
      </form>
    </>
  );
}

/** Sends the saved notice to everyone on the list; once. */
export function SendNoticeForm({ reference, version, people }: { reference: string; version: number; people: number }) {
  const [state, action, isPending] = useActionState(sendIncidentNoticeAction, initialActionState);
  return (
    <>
      <ActionNotice state={state} />
      <form action={action} noValidate aria-label="Send the notice">
        <ActionProblems state={state} labels={{}} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button" disabled={isPending}>
          Send the notice to {people.toLocaleString('en')} {people === 1 ? 'person' : 'people'}
        </button>
      </form>
    </>
  );
}
