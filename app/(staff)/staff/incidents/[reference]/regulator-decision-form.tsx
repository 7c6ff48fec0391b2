'use client';

import { useActionState } from 'react';
import { InputField, TextAreaField } from '@/components/form-field';
import { INCIDENT_TEXT_MAX, REGULATOR_DOCUMENT_TYPES } from '@/lib/validation/incident';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { recordRegulatorDecisionAction } from '../actions';

const labels = {
  notifiedAt: 'When the regulator was told',
  method: 'How',
  regulatorReference: 'Their reference (optional)',
  document: 'Copy of what you sent (optional)',
  reason: 'Why notification is not required',
};

/** The two ways to stop the clock, each its own form. */
export function RegulatorDecisionForms({
  reference,
  version,
  now,
  timeZone,
}: {
  reference: string;
  version: number;
  now: string;
  timeZone: string;
}) {
  const [notified, notifiedAction, isNotifying] = useActionState(recordRegulatorDecisionAction, initialActionState);
  const [notRequired, notRequiredAction, isSaving] = useActionState(recordRegulatorDecisionAction, initialActionState);
  const notifiedErrors = notified.fieldErrors ?? {};
  const reasonErrors = notRequired.fieldErrors ?? {};
  return (
    <>
      <ActionNotice state={notified} />
      <ActionNotice state={notRequired} />
      <details className="request-action" open={Boolean(notified.formError)}>
        <summary>Record the regulator notification</summary>
        <form action={notifiedAction} noValidate key={JSON.stringify(notified)}>
          <ActionProblems state={notified} labels={labels} />
          <input type="hidden" name="decision" value="notified" />
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="version" value={version} />
          <InputField
            id="notifiedAt"
            label={labels.notifiedAt}
            hint={`Your organisation's time (${timeZone}).`}
            errors={notifiedErrors.notifiedAt}
            type="datetime-local"
            required
            defaultValue={notified.values?.notifiedAt ?? now}
          />
          <InputField
            id="method"
            label={labels.method}
            hint="E.g. the ICO's breach reporting form, or by email to the supervisory authority."
            errors={notifiedErrors.method}
            type="text"
            required
            maxLength={500}
            defaultValue={notified.values?.method}
          />
          <InputField
            id="regulatorReference"
            label={labels.regulatorReference}
            errors={notifiedErrors.regulatorReference}
            type="text"
            maxLength={200}
            defaultValue={notified.values?.regulatorReference}
          />
          <InputField
            id="document"
            label={labels.document}
            hint="The notification form as PDF, a screenshot, or the email you sent (.eml), up to 25 MB: kept with the incident for the register. Choose it again if the form shows a problem."
            errors={notifiedErrors.document}
            type="file"
            accept={REGULATOR_DOCUMENT_TYPES.join(',')}
          />
          <button type="submit" disabled={isNotifying}>
            {isNotifying ? 'Saving…' : 'Record the notification'}
          </button>
        </form>
      </details>
      <details className="request-action" open={Boolean(notRequired.formError)}>
        <summary>Record that notification is not required</summary>
        <form action={notRequiredAction} noValidate key={JSON.stringify(notRequired)}>
          <ActionProblems state={notRequired} labels={labels} />
          <p>
            GDPR Art. 33(1): no notification is needed when the breach is unlikely to result in a risk to people’s rights and freedoms. Keep
            your reasoning: it goes into the register.
          </p>
          <input type="hidden" name="decision" value="not_required" />
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="version" value={version} />
          <TextAreaField
            id="reason"
            label={labels.reason}
            errors={reasonErrors.reason}
            required
            maxLength={INCIDENT_TEXT_MAX}
            defaultValue={notRequired.values?.reason}
          />
          <button type="submit" disabled={isSaving}>
            {isSaving ? 'Saving…' : 'Record and stop the clock'}
          </button>
        </form>
      </details>
    </>
  );
}
