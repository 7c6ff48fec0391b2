import Link from 'next/link';
import { DateText } from '@/components/date-text';
import { SlaBadge } from '@/components/sla-badge';
import type { QueueRow } from '@/lib/queue/list-queue';
import { queueHref } from '@/lib/queue/queue-href';
import { statusLabels } from '@/lib/requests/request-status';
import type { QueueSort, TQueueFilters } from '@/lib/validation/queue-filters';
import { requestTypeLabels } from '@/lib/validation/request-type';
import { QueueRetryForm } from './queue-retry-form';
import { QueueSelectAll } from './queue-select-all';

type QueueTableProps = {
  rows: QueueRow[];
  today: string;
  canWork: boolean;
  jurisdictionLabels: Record<string, string>;
  bulkFormId: string;
  filters: TQueueFilters;
};

const sortDescriptions: Record<QueueSort, string> = {
  due: 'most urgent first',
  '-due': 'latest due first',
  received: 'oldest received first',
  '-received': 'newest received first',
  reference: 'by reference',
  '-reference': 'by reference, descending',
};

/** A column heading that sorts by its column: ascending first, then descending; aria-sort says which. */
function SortableHeading({ filters, column, label }: { filters: TQueueFilters; column: 'due' | 'received' | 'reference'; label: string }) {
  const current = filters.sort ?? 'due';
  const isAscending = current === column;
  const isDescending = current === `-${column}`;
  const next = (isAscending ? `-${column}` : column) as QueueSort;
  return (
    <th scope="col" aria-sort={isAscending ? 'ascending' : isDescending ? 'descending' : undefined}>
      <Link href={queueHref(filters, { sort: next })} className="sort-link">
        {label}
        <span aria-hidden="true">{isAscending ? ' ▲' : isDescending ? ' ▼' : ''}</span>
        <span className="visually-hidden">, sort {isAscending ? 'descending' : 'ascending'}</span>
      </Link>
    </th>
  );
}

/**
 * The rows of one queue page. The checkboxes belong to the bulk form through
 * their `form` attribute, so each row's Retry can be a form of its own (forms cannot nest).
 * On a phone the same rows show as cards (globals.css), each cell with its label.
 */
export function QueueTable({ rows, today, canWork, jurisdictionLabels, bulkFormId, filters }: QueueTableProps) {
  return (
    <table className="data queue-table">
      <caption className="visually-hidden">Requests, {sortDescriptions[filters.sort ?? 'due']}</caption>
      <thead>
        <tr>
          {canWork ? (
            <th scope="col">
              <QueueSelectAll formId={bulkFormId} />
            </th>
          ) : null}
          <SortableHeading filters={filters} column="reference" label="Reference" />
          <th scope="col">Requester</th>
          <th scope="col">Type</th>
          <th scope="col">Jurisdiction</th>
          <SortableHeading filters={filters} column="received" label="Received" />
          <SortableHeading filters={filters} column="due" label="Due" />
          <th scope="col">Time left</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {canWork ? (
              <td className="queue-table__select">
                <input
                  type="checkbox"
                  form={bulkFormId}
                  name="references"
                  value={row.reference}
                  id={`select-${row.reference}`}
                  aria-label={`Select ${row.reference}`}
                />
              </td>
            ) : null}
            <th scope="row">
              <Link href={`/staff/requests/${row.reference}`} data-queue-row-link="">
                {row.reference}
              </Link>
              {row.lastError ? (
                <div className="queue-flag">
                  <p className="flag">
                    <span aria-hidden="true">⚠ </span>Problem: {row.lastError}
                  </p>
                  {canWork ? <QueueRetryForm reference={row.reference} /> : null}
                </div>
              ) : null}
            </th>
            <td data-label="Requester" className="queue-table__requester">
              {row.requesterName || row.requesterEmail ? (
                <>
                  {row.requesterName ?? ''}
                  {row.requesterEmail ? <span className="queue-table__email">{row.requesterEmail}</span> : null}
                </>
              ) : (
                <span className="muted">Removed</span>
              )}
            </td>
            <td data-label="Type">
              {row.isAppeal ? <span className="status-pill status-pill--appeal">Appeal</span> : null}
              {row.isAppeal ? ' ' : null}
              {requestTypeLabels[row.type].title}
            </td>
            <td data-label="Jurisdiction">{jurisdictionLabels[row.jurisdiction] ?? row.jurisdiction}</td>
            <td data-label="Received">
              <DateText date={row.receivedOn} />
            </td>
            <td data-label="Due">
              <DateText date={row.dueOn} />
            </td>
            <td data-label="Time left">
              <SlaBadge dueOn={row.dueOn} today={today} status={row.status} />
            </td>
            <td data-label="Status">
              {statusLabels[row.status]}
              {row.hasUnreadReply ? (
                <>
                  {' '}
                  <span className="status-pill status-pill--replied">Replied</span>
                </>
              ) : null}
            </td>
            <td data-label="Assignee">{row.assigneeName ?? <span className="muted">Unassigned</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
