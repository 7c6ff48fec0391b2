import Link from 'next/link';
import { DateText } from '@/components/date-text';
import { SlaBadge } from '@/components/sla-badge';
import type { QueueRow } from '@/lib/queue/list-queue';
import { queueStatusLabels } from '@/lib/queue/queue-status-labels';
import { requestTypeLabels } from '@/lib/validation/request-type';
import { QueueRetryForm } from './queue-retry-form';

type QueueTableProps = {
  rows: QueueRow[];
  today: string;
  canWork: boolean;
  jurisdictionLabels: Record<string, string>;
  bulkFormId: string;
};

/**
 * The rows of one queue page. The checkboxes belong to the bulk form through
 * their `form` attribute, so each row's Retry can be a form of its own (forms cannot nest).
 */
export function QueueTable({ rows, today, canWork, jurisdictionLabels, bulkFormId }: QueueTableProps) {
  return (
    <table className="data queue-table">
      <caption className="visually-hidden">Requests, most urgent first</caption>
      <thead>
        <tr>
          {canWork ? (
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
          ) : null}
          <th scope="col">Reference</th>
          <th scope="col">Type</th>
          <th scope="col">Jurisdiction</th>
          <th scope="col">Received</th>
          <th scope="col">Due</th>
          <th scope="col">Time left</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {canWork ? (
              <td>
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
              <Link href={`/staff/requests/${row.reference}`}>{row.reference}</Link>
              {row.lastError ? (
                <div className="queue-flag">
                  <p className="flag">
                    <span aria-hidden="true">⚠ </span>Problem: {row.lastError}
                  </p>
                  {canWork ? <QueueRetryForm reference={row.reference} /> : null}
                </div>
              ) : null}
            </th>
            <td>
              {row.isAppeal ? <span className="status-pill status-pill--appeal">Appeal</span> : null}
              {row.isAppeal ? ' ' : null}
              {requestTypeLabels[row.type].title}{' '}
              <span className={`identity-badge identity-badge--${row.identity.state}`} title="Identity level reached">
                {row.identity.label}
              </span>
              {row.isViaAgent ? <span className="status-pill"> Via agent</span> : null}
            </td>
            <td>{jurisdictionLabels[row.jurisdiction] ?? row.jurisdiction}</td>
            <td>
              <DateText date={row.receivedOn} />
            </td>
            <td>
              <DateText date={row.dueOn} />
            </td>
            <td>
              <SlaBadge dueOn={row.dueOn} today={today} status={row.status} />
            </td>
            <td>{queueStatusLabels[row.status]}</td>
            <td>{row.assigneeName ?? <span className="muted">Unassigned</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
