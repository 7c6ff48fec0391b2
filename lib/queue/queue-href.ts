import type { TQueueFilters } from '@/lib/validation/queue-filters';

/**
 * The queue's URL for a set of filters, leaving defaults out so shared links stay
 * short. Changing a filter drops the cursor: page 3 of one view is not page 3 of another.
 */
export function queueHref(filters: TQueueFilters, changes: Partial<TQueueFilters> = {}): string {
  const merged: TQueueFilters = { ...filters, after: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === '') continue;
    if ((key === 'status' && value === 'open') || (key === 'assignee' && value === 'anyone') || (key === 'sort' && value === 'due'))
      continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const query = params.toString();
  return query ? `/staff?${query}` : '/staff';
}

/** True when any filter narrows the default view (open requests, anyone's). */
export function hasActiveFilters(filters: TQueueFilters): boolean {
  return queueHref(filters) !== '/staff';
}
