import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/database';
import { listQueue } from '@/lib/queue/list-queue';
import { hasActiveFilters, queueHref } from '@/lib/queue/queue-href';
import { listJurisdictionOptions } from '@/lib/requests/list-jurisdiction-options';
import { listStaff } from '@/lib/staff/list-staff';
import { can } from '@/lib/staff/permissions';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { QueueBulkForm } from './queue-bulk-form';
import { QueueClaimForm } from './queue-claim-form';
import { QueueFiltersForm } from './queue-filters-form';
import { QueueStatusTabs } from './queue-status-tabs';
import { QueueTable } from './queue-table';
import { QueueShortcuts } from './queue-shortcuts';
import { QueueViews } from './queue-views';
import { listQueueViews } from '@/lib/queue/list-queue-views';

export const metadata: Metadata = { title: 'Request queue' };

const bulkFormId = 'queue-bulk';

type SearchParams = Record<string, string | string[] | undefined>;

/** The staff queue. Its whole state is the URL, so a view can be bookmarked or shared and works without JavaScript. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage('requests.read');
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const filters = ZQueueFilters.parse(query);
  const db = getDb();
  const [queue, staff, jurisdictions, views] = await Promise.all([
    listQueue(db, { actor, filters }),
    listStaff(db, { actor }),
    listJurisdictionOptions(db),
    listQueueViews(db, { actor }),
  ]);
  const canWork = can(actor.role, 'requests.work');
  const activeStaff = staff.filter((member) => member.isActive);
  const assignableStaff = activeStaff
    .filter((member) => can(member.role, 'requests.work'))
    .map(({ id, name, email }) => ({ id, name: name || email }));
  const jurisdictionLabels = Object.fromEntries(jurisdictions.map((option) => [option.code, option.label]));
  const isFiltered = hasActiveFilters(filters);

  return (
    <div className="queue">
      <div className="queue-header">
        <h1>Request queue</h1>
        {canWork ? <QueueClaimForm /> : null}
      </div>

      <QueueShortcuts canClaim={canWork} />
      <QueueViews views={views} currentQuery={queueHref(filters).replace(/^\/staff\??/, '')} />
      <QueueStatusTabs filters={filters} counts={queue.statusCounts} />
      <QueueFiltersForm
        filters={filters}
        jurisdictions={jurisdictions}
        staff={activeStaff.map(({ id, name, email }) => ({ id, name: name || email }))}
      />

      {queue.searchScope === 'open_and_closed' ? (
        <p className="notice queue-scope">
          Showing open <strong>and closed</strong> requests matching “{filters.q}”.{' '}
          <Link href={queueHref(filters, { openOnly: true })}>Show open requests only</Link>
        </p>
      ) : queue.searchScope === 'as_filtered' && filters.openOnly ? (
        <p className="notice queue-scope">
          Showing open requests matching “{filters.q}”. <Link href={queueHref(filters, { openOnly: false })}>Include closed requests</Link>
        </p>
      ) : null}
      {queue.rows.length === 0 ? (
        isFiltered ? (
          <div className="empty-state">
            <h2>No requests match these filters</h2>
            <p>
              <Link href="/staff">Clear filters</Link> to see every open request.
            </p>
          </div>
        ) : queue.hasAnyRequests ? (
          <div className="empty-state">
            <h2>No open requests</h2>
            <p>
              Every confirmed request is closed. <Link href={queueHref(filters, { status: 'all' })}>Show all requests</Link>.
            </p>
          </div>
        ) : (
          <div className="empty-state">
            <h2>No requests yet</h2>
            <p>
              Confirmed requests appear here as soon as a requester confirms their email address, or when staff file one on someone’s
              behalf.
            </p>
          </div>
        )
      ) : (
        <>
          {canWork ? <QueueBulkForm id={bulkFormId} staff={assignableStaff} currentStaffId={actor.staffId} /> : null}
          <QueueTable
            rows={queue.rows}
            today={queue.today}
            canWork={canWork}
            jurisdictionLabels={jurisdictionLabels}
            bulkFormId={bulkFormId}
            filters={filters}
          />
          <nav className="pagination" aria-label="Queue pages">
            {filters.after ? <Link href={queueHref(filters)}>First page</Link> : null}
            {queue.nextCursor ? <Link href={queueHref(filters, { after: queue.nextCursor })}>Next page</Link> : null}
          </nav>
        </>
      )}
    </div>
  );
}
