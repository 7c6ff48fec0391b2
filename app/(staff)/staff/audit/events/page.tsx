import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { ErrorSummary } from '@/components/error-summary';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { getDb } from '@/lib/database';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { type TAuditEventFilters, ZAuditEventFilters } from '@/lib/validation/audit-events';

export const metadata: Metadata = { title: 'Audit events' };

type SearchParams = Record<string, string | string[] | undefined>;

const fieldLabels = { reference: 'Request reference', actor: 'Actor', action: 'Action', from: 'From', to: 'To' };

function formatDateTime(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date)} UTC`;
}

function pageLink(filters: TAuditEventFilters, before: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && key !== 'before') query.set(key, String(value));
  query.set('before', String(before));
  return `/staff/audit/events?${query.toString()}`;
}

/**
 * Every event of the audit log, newest first, for auditors and admins: filters in the URL
 * (as on the queue), keyset pages, and each event's chain hash and Merkle leaf, so an event
 * seen here can be matched to an export or a kept tree head.
 */
export default async function AuditEventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage('audit.read');
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = ZAuditEventFilters.safeParse(Object.fromEntries(Object.entries(query).filter(([key]) => key in ZAuditEventFilters.shape)));
  const filters = parsed.success ? parsed.data : {};
  const fieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const { events, nextBefore } = parsed.success ? await listAuditEvents(getDb(), { actor, filters }) : { events: [], nextBefore: null };

  return (
    <>
      <p>
        <Link href="/staff/audit">Audit exports</Link> · <Link href="/staff/audit/verify">Verify the audit trail</Link>
      </p>
      <h1>Audit events</h1>
      <ErrorSummary
        message={parsed.success ? undefined : 'Please correct the filters below.'}
        fieldErrors={fieldErrors}
        labels={fieldLabels}
      />
      <form method="get" className="filters" aria-label="Filter audit events">
        {(['reference', 'actor', 'action'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`filter-${field}`}>{fieldLabels[field]}</label>
            <input type="text" id={`filter-${field}`} name={field} defaultValue={query[field] ?? ''} />
          </div>
        ))}
        {(['from', 'to'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`filter-${field}`}>{fieldLabels[field]}</label>
            <input type="date" id={`filter-${field}`} name={field} defaultValue={query[field] ?? ''} />
          </div>
        ))}
        <button type="submit">Show events</button>
      </form>
      {events.length === 0 ? (
        <p className="empty-state">No events match these filters.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="table-caption">Audit events, newest first (times in UTC)</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Request</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Hash</th>
                <th scope="col">Merkle leaf</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">{event.id}</th>
                  <td>
                    <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
                  </td>
                  <td>{event.reference ?? '—'}</td>
                  <td>{event.actorName ?? (event.actorType === 'staff' ? event.actorId : event.actorType)}</td>
                  <td>
                    {event.action}
                    <details>
                      <summary>Details</summary>
                      <pre className="preserve-lines">{JSON.stringify(event.details, null, 2)}</pre>
                    </details>
                  </td>
                  <td>
                    <code title={event.previousHash ? `follows ${event.previousHash}` : 'first of its chain'}>{event.hash ?? '—'}</code>
                  </td>
                  <td>{event.leafIndex === null ? 'Not sealed yet' : `#${event.leafIndex}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <p>
          <Link href={pageLink(filters, nextBefore)}>Older events</Link>
        </p>
      ) : null}
    </>
  );
}
