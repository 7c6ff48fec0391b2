import Link from 'next/link';
import { statusLabels } from '@/lib/requests/request-status';
import { queueStatuses, type TQueueFilters } from '@/lib/validation/queue-filters';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';

type Option = { id: string; name: string };

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the filters land in the URL, so the view works without JavaScript and can be shared. */
export function QueueFiltersForm({
  filters,
  jurisdictions,
  staff,
}: {
  filters: TQueueFilters;
  jurisdictions: { code: string; label: string }[];
  staff: Option[];
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark older screen readers know; <search> is newer
    <form method="get" action="/staff" className="filters" role="search" aria-label="Filter the queue">
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      <div className="field filters__search">
        <label htmlFor="filter-q">Search by name, email or reference</label>
        <input type="search" id="filter-q" name="q" defaultValue={filters.q ?? ''} placeholder="Ada, ada@exam, 000123" />
      </div>
      <FilterSelect
        name="status"
        label="Status"
        value={filters.status ?? 'open'}
        options={[
          { value: 'open', label: 'Open' },
          ...queueStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
          { value: 'all', label: 'All' },
        ]}
      />
      <FilterSelect
        name="type"
        label="Type"
        value={filters.type ?? ''}
        options={[{ value: '', label: 'Any type' }, ...requestTypes.map((type) => ({ value: type, label: requestTypeLabels[type].title }))]}
      />
      <FilterSelect
        name="jurisdiction"
        label="Jurisdiction"
        value={filters.jurisdiction ?? ''}
        options={[
          { value: '', label: 'Any jurisdiction' },
          ...jurisdictions.map((option) => ({ value: option.code, label: option.label })),
        ]}
      />
      <FilterSelect
        name="assignee"
        label="Assignee"
        value={filters.assignee ?? 'anyone'}
        options={[
          { value: 'anyone', label: 'Anyone' },
          { value: 'me', label: 'Me' },
          { value: 'unassigned', label: 'Unassigned' },
          ...staff.map((member) => ({ value: member.id, label: member.name })),
        ]}
      />
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
