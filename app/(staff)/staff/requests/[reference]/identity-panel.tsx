'use client';

import { useActionState } from 'react';
import { formatBytes } from '@/lib/format/format-bytes';
import { dataPointLabels, verificationLevelLabels } from '@/lib/validation/verification-levels';
import type { IdentityPanel as IdentityPanelView } from '@/lib/verification/get-identity-panel';
import { initialActionState } from '../../action-state';
import { FormProblem } from './form-problem';
import { overrideVerificationAction, recordStaffCheckAction, requestEvidenceAction } from './identity-actions';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function describeLevel(level: keyof typeof verificationLevelLabels, dataPoints: number): string {
  return level === 'data_points' || level === 'declaration'
    ? `${verificationLevelLabels[level]} (${dataPoints})`
    : verificationLevelLabels[level];
}

/** Identity on the staff request page: the level needed and reached, how it was reached or why it failed, and the staff check, evidence and override controls. */
export function IdentityPanel({ identity, reference, version }: { identity: IdentityPanelView; reference: string; version: number }) {
  const reached = identity.reached
    ? identity.reached === 'data_points' || identity.reached === 'declaration'
      ? describeLevel(identity.reached, identity.dataPointsMatched)
      : verificationLevelLabels[identity.reached]
    : 'Not yet (email not confirmed)';
  const permissions = identity.evidence.filter((file) => file.kind === 'agent_permission');
  const documents = identity.evidence.filter((file) => file.kind === 'identity_document');
  return (
    <section className="panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Identity</h2>
      <dl className="summary">
        <dt>Required</dt>
        <dd>{describeLevel(identity.required.level, identity.required.dataPoints)}</dd>
        <dt>Reached</dt>
        <dd>
          <span className={identity.meetsRequirement ? 'status-pill' : 'status-pill status-pill--warning'}>{reached}</span>{' '}
          {identity.meetsRequirement
            ? 'Meets the level required.'
            : identity.override
              ? 'Below the level: overridden by an admin.'
              : 'Below the level required.'}
        </dd>
        {identity.failedTries > 0 ? (
          <>
            <dt>Failed tries</dt>
            <dd>{identity.failedTries}</dd>
          </>
        ) : null}
        {identity.failureReason ? (
          <>
            <dt>Verification failed</dt>
            <dd className="flag">{identity.failureReason}</dd>
          </>
        ) : null}
        {identity.declaration ? (
          <>
            <dt>Declaration</dt>
            <dd>
              Signed by “{identity.declaration.name}” on {dateTime.format(identity.declaration.signedAt)} UTC: “{identity.declaration.text}”
            </dd>
          </>
        ) : null}
        {identity.staffCheck ? (
          <>
            <dt>Staff check</dt>
            <dd className="preserve-lines">
              {identity.staffCheck.method ?? '—'}
              {identity.staffCheck.evidenceSeen ? `\nEvidence seen: ${identity.staffCheck.evidenceSeen}` : ''}
              {identity.staffCheck.checkedBy ? `\nBy ${identity.staffCheck.checkedBy}` : ''}
            </dd>
          </>
        ) : null}
        {identity.override ? (
          <>
            <dt>Override</dt>
            <dd className="preserve-lines">
              {identity.override.reason}
              {`\n${identity.override.by ?? 'An admin'}, ${dateTime.format(identity.override.at)} UTC`}
            </dd>
          </>
        ) : null}
      </dl>
      {identity.noSourceCanCheck ? (
        <p className="notice">
          No enabled data source names enough verification columns (
          {Object.values(dataPointLabels)
            .map((point) => point.label.toLowerCase())
            .join(', ')}
          ) to ask for {identity.required.dataPoints}: check identity yourself below.
        </p>
      ) : null}
      {permissions.length > 0 ? (
        <>
          <h3>Agent’s signed permission</h3>
          <EvidenceList files={permissions} canOpen={identity.canOpenEvidence} />
        </>
      ) : null}
      {documents.length > 0 ? (
        <>
          <h3>Documents from the requester</h3>
          <EvidenceList files={documents} canOpen={identity.canOpenEvidence} />
        </>
      ) : identity.evidenceRequestedAt ? (
        <p className="field__hint">
          A document was asked for on {dateTime.format(identity.evidenceRequestedAt)} UTC; none has arrived yet.
        </p>
      ) : null}
      {identity.actions.requestEvidence.isAllowed ? <RequestEvidenceForm reference={reference} version={version} /> : null}
      {identity.actions.recordStaffCheck.isAllowed ? <StaffCheckForm reference={reference} version={version} /> : null}
      {identity.actions.override.isAllowed ? <OverrideForm reference={reference} version={version} /> : null}
    </section>
  );
}

/** Files listed to every reader of the request; a link only for those who may open them (the server checks again). */
function EvidenceList({ files, canOpen }: { files: IdentityPanelView['evidence']; canOpen: boolean }) {
  return (
    <ul className="file-list">
      {files.map((file) => (
        <li key={file.id}>
          {file.deletedAt ? (
            <span>
              {file.fileName} — deleted {dateTime.format(file.deletedAt)} UTC
            </span>
          ) : canOpen ? (
            <a href={`/api/staff/evidence/${file.id}`}>{file.fileName}</a>
          ) : (
            <span>{file.fileName} (only the assigned agent and admins can open it)</span>
          )}{' '}
          <span className="field__hint">
            {formatBytes(file.sizeBytes)}
            {file.deleteAfter && !file.deletedAt ? `; deleted after ${dateTime.format(file.deleteAfter)} UTC` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function RequestEvidenceForm({ reference, version }: { reference: string; version: number }) {
  const [state, formAction, isPending] = useActionState(requestEvidenceAction, initialActionState);
  return (
    <form action={formAction} className="request-action">
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="button--secondary" disabled={isPending}>
        Ask the requester for a document
      </button>
    </form>
  );
}

function StaffCheckForm({ reference, version }: { reference: string; version: number }) {
  const [state, formAction, isPending] = useActionState(recordStaffCheckAction, initialActionState);
  return (
    <form action={formAction} className="request-action" noValidate>
      <h3>Record your identity check</h3>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="identity-method">How you checked</label>
        <input id="identity-method" name="method" maxLength={500} defaultValue={state.values?.method} />
        {state.fieldErrors?.method ? <p className="field__error">{state.fieldErrors.method[0]}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="identity-evidence">Evidence you saw</label>
        <textarea id="identity-evidence" name="evidenceSeen" maxLength={1000} defaultValue={state.values?.evidenceSeen} />
        {state.fieldErrors?.evidenceSeen ? <p className="field__error">{state.fieldErrors.evidenceSeen[0]}</p> : null}
      </div>
      <button type="submit" disabled={isPending}>
        Record identity check
      </button>
    </form>
  );
}

function OverrideForm({ reference, version }: { reference: string; version: number }) {
  const [state, formAction, isPending] = useActionState(overrideVerificationAction, initialActionState);
  return (
    <form action={formAction} className="request-action" noValidate>
      <h3>Override (admins)</h3>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="override-reason">Why this request may be answered below its identity level</label>
        <textarea id="override-reason" name="reason" maxLength={1000} defaultValue={state.values?.reason} />
        {state.fieldErrors?.reason ? <p className="field__error">{state.fieldErrors.reason[0]}</p> : null}
      </div>
      <button type="submit" className="button--danger" disabled={isPending}>
        Override identity level
      </button>
    </form>
  );
}
