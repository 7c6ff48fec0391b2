import type { Metadata } from 'next';
import Link from 'next/link';
import { breakReasonLabels } from '@/lib/audit/break-reason-labels';
import { listVerificationRuns } from '@/lib/audit/list-verification-runs';
import { getDb } from '@/lib/database';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { ExportCheckForm } from './export-check-form';
import { VerifyForm } from './verify-form';

export const metadata: Metadata = { title: 'Verify the audit log' };

function formatDateTime(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date)} UTC`;
}

export default async function VerifyAuditLogPage() {
  const actor = await requireStaffPage('audit.read');
  const runs = await listVerificationRuns(getDb(), { actor });

  return (
    <>
      <h1>Verify the audit log</h1>
      <p className="lead">
        Every event in the audit log carries a hash of its content and of the event before it on the same request, and the database refuses
        to change or delete events. Every second the worker seals new events into a Merkle tree and signs its root with the log’s Ed25519
        key (a signed tree head). If anyone altered, removed or reordered an event behind the application’s back — the newest included, once
        sealed — the check names it. Anyone with the public key (on <Link href="/staff/audit">Audit exports</Link>) can check a tree head or
        an export offline.
      </p>
      <VerifyForm />

      <ExportCheckForm />

      <h2 id="runs-heading">Recent checks</h2>
      {runs.length === 0 ? (
        <p className="empty-state">The audit log has not been verified yet.</p>
      ) : (
        <table className="data" aria-labelledby="runs-heading">
          <caption className="table-caption">
            The last {runs.length} verifications, newest first (each is itself an event in the log)
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Run by</th>
              <th scope="col">Events checked</th>
              <th scope="col">Up to event</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.eventId}>
                <th scope="row">
                  <time dateTime={run.createdAt.toISOString()}>{formatDateTime(run.createdAt)}</time>
                </th>
                <td>{run.runBy ?? 'Command line (npm run audit:verify)'}</td>
                <td>{run.checkedCount.toLocaleString('en-GB')}</td>
                <td>{run.headEventId ?? '—'}</td>
                <td>
                  {run.isIntact
                    ? 'Intact'
                    : run.firstBreak
                      ? `Broken at event ${run.firstBreak.eventId}: ${breakReasonLabels[run.firstBreak.reason]}`
                      : 'Broken'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
