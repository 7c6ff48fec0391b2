import type { Metadata } from 'next';
import Link from 'next/link';
import { ErrorSummary } from '@/components/error-summary';
import { countExportRows } from '@/lib/audit/export-row-count';
import { getLatestTreeHead } from '@/lib/audit/list-tree-heads';
import { auditPublicKey } from '@/lib/audit/tree-head-signing-key';
import { getDb } from '@/lib/database';
import { statusLabels } from '@/lib/requests/request-status';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { type TAuditExport, ZAuditExport } from '@/lib/validation/audit-export';
import { requestTypeLabels } from '@/lib/validation/request-type';
import { z } from 'zod';
import { AuditExportForm } from './audit-export-form';

export const metadata: Metadata = { title: 'Audit exports' };

type SearchParams = Record<string, string | string[] | undefined>;

const fieldLabels = { log: 'Log', format: 'Format', from: 'From', to: 'To', type: 'Request type', status: 'Request status' };

/**
 * Auditors and admins choose a log and its filters; the page checks them and
 * offers a plain link to the export, so the browser's own download (with its
 * progress) does the rest. The state is the URL, as on the queue.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage('audit.read');
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const isSubmitted = query.log !== undefined || query.format !== undefined;
  const parsed = isSubmitted ? ZAuditExport.safeParse(query) : null;
  const fieldErrors = parsed && !parsed.success ? z.flattenError(parsed.error).fieldErrors : {};
  const ready = parsed?.success ? { input: parsed.data, rowCount: await countExportRows(getDb(), { actor, input: parsed.data }) } : null;
  const publicKey = auditPublicKey();
  const treeHead = await getLatestTreeHead(getDb());

  return (
    <>
      <h1>Audit exports</h1>
      <p>
        <Link href="/staff/audit/events">Browse audit events</Link> · <Link href="/staff/audit/verify">Verify the audit trail</Link>
      </p>
      <p className="lead">
        Download the request log or the event log for an audit or a regulator, with a signed manifest that shows the file is complete and
        unchanged.
      </p>

      {parsed && !parsed.success ? <ErrorSummary fieldErrors={fieldErrors} labels={fieldLabels} /> : null}

      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Choose what to export</h2>
        <AuditExportForm values={query} fieldErrors={fieldErrors} />
      </section>

      <div aria-live="polite">
        {ready ? (
          <section className="panel audit-download" aria-labelledby="download-heading">
            <h2 id="download-heading">Ready to download</h2>
            <p>
              {describeExport(ready.input)}: {ready.rowCount === 1 ? '1 row' : `${ready.rowCount.toLocaleString('en-GB')} rows`} right now.
              {ready.rowCount === 0 ? ' The file will hold only the column names and the manifest.' : ''}
            </p>
            <p>
              <a className="button" href={exportHref(ready.input)}>
                Download the {logNames[ready.input.log]} ({ready.input.format === 'csv' ? 'CSV' : 'NDJSON'})
              </a>
            </p>
            <p className="field__hint">
              The file streams as it is read from the database; your browser shows the download’s progress. Downloading is recorded in the
              audit trail.
            </p>
          </section>
        ) : null}
      </div>

      <section className="panel" aria-labelledby="manifest-heading">
        <h2 id="manifest-heading">The manifest, and how to check a file</h2>
        <p>
          The last line of every export is its manifest: the row count, the filters and dates, when it was generated, the sha256 of every
          byte above it, and the audit log’s newest signed tree head at the moment the export was taken, signed with the log’s Ed25519 key.
          In a CSV file that line starts with <code>#manifest</code>; delete it in a spreadsheet, or tell a CSV reader that # starts a
          comment. In NDJSON it is a final <code>{'{"manifest": …, "signature": …}'}</code> object.
        </p>
        <p>
          Anyone with the public key below can check a file without this server:{' '}
          <code>npm run audit:verify -- --export file --public-key KEY</code>, or a few lines in any language (Ed25519 over the manifest’s
          JSON with sorted keys). To check the log itself, use <Link href="/staff/audit/verify">Verify the audit trail</Link>. For figures
          by month and jurisdiction, see <Link href="/staff/reports">Reports</Link>.
        </p>
      </section>

      <section className="panel" aria-labelledby="key-heading">
        <h2 id="key-heading">The audit log’s public key</h2>
        <dl className="summary">
          <dt>Ed25519 public key (base64)</dt>
          <dd>
            <code className="audit-hash">{publicKey.base64}</code>
          </dd>
          <dt>Fingerprint (sha256)</dt>
          <dd>
            <code className="audit-hash">{publicKey.fingerprint}</code>
          </dd>
          <dt>Newest signed tree head</dt>
          <dd>
            {treeHead ? (
              <>
                {treeHead.treeSize.toLocaleString('en-GB')} events, signed <time dateTime={treeHead.signedAt}>{treeHead.signedAt}</time>,
                root <code className="audit-hash">{treeHead.rootHash}</code>, signature{' '}
                <code className="audit-hash">{treeHead.signature}</code>
              </>
            ) : (
              'none yet: the worker seals the log within seconds of the first event'
            )}
          </dd>
        </dl>
        <p className="field__hint">
          Keep tree heads somewhere the database cannot reach (a regulator’s copy, your own records): a later check given one proves that
          nothing it covered was changed or removed since.
        </p>
      </section>
    </>
  );
}

const logNames = { requests: 'request log', events: 'event log', incidents: 'breach register' } as const;

function describeExport(input: TAuditExport): string {
  const parts = [logNames[input.log].replace(/^./, (first) => first.toUpperCase())];
  if (input.from || input.to) parts.push(`${input.from ?? 'the start'} to ${input.to ?? 'today'}`);
  if (input.type) parts.push(requestTypeLabels[input.type].title.toLowerCase());
  if (input.status) parts.push(statusLabels[input.status].toLowerCase());
  return parts.join(', ');
}

function exportHref(input: TAuditExport): string {
  const parameters = new URLSearchParams(
    Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  return `/api/audit/export?${parameters.toString()}`;
}
