import Link from 'next/link';
import { queueStatusLabels } from '@/lib/queue/queue-status-labels';
import { queueStatuses, type TQueueFilters } from '@/lib/validation/queue-filters';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';

type Option = { id: string; name: string };

/** A plain GET form: the filters land in the URL, so the view works without JavaScript and can be shared. */
export function QueueFiltersForm({ filters, jurisdictions, staff }: { filters: TQueueFilters; jurisdictions: { code: string; label: string }[]; staff: Option[] }) {
  return (
    <form method="get" action="/staff" className="filters" role="search" aria-label="Filter the queue">
      <div className="field filters__search">
        <label htmlFor="filter-q">Reference or requester email</label>
        <input type="search" id="filter-q" name="q" defaultValue={filters.q ?? ''} placeholder="DSR-2026-000123 or name@example.com" />
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? 'open'}>
          <option value="open">Open</option>
          {queueStatuses.map((status) => (
            <option key={status} value={status}>
              {queueStatusLabels[status]}
            </option>
          ))}
          <option value="all">All</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-type">Type</label>
        <select id="filter-type" name="type" defaultValue={filters.type ?? ''}>
          <option value="">Any type</option>
          {requestTypes.map((type) => (
            <option key={type} value={type}>
              {requestTypeLabels[type].title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-jurisdiction">Jurisdiction</label>
        <select id="filter-jurisdiction" name="jurisdiction" defaultValue={filters.jurisdiction ?? ''}>
          <option value="">Any jurisdiction</option>
          {jurisdictions.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-assignee">Assignee</label>
        <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? 'anyone'}>
          <option value="anyone">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-received-from">Received from</label>
        <input type="date" id="filter-received-from" name="receivedFrom" defaultValue={filters.receivedFrom ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="filter-received-to">Received to</label>
        <input type="date" id="filter-received-to" name="receivedTo" defaultValue={filters.receivedTo ?? ''} />
      </div>
      <fieldset className="filters__flags">
        <legend>Deadline</legend>
        <div className="choice">
          <input type="checkbox" id="filter-due-soon" name="dueSoon" value="1" defaultChecked={filters.dueSoon} />
          <label htmlFor="filter-due-soon">Due within 7 days</label>
        </div>
        <div className="choice">
          <input type="checkbox" id="filter-overdue" name="overdue" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="filter-overdue">Overdue</label>
        </div>
      </fieldset>
      <div className="filters__buttons">
        <button type="submit">Apply filters</button> <Link href="/staff">Clear filters</Link>
      </div>
    </form>
  );
}
