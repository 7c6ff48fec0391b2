import { isCalendarDate } from '@/lib/deadlines/calendar-date';
import { isUuid } from '@/lib/validation/is-uuid';
import type { QueueSort } from '@/lib/validation/queue-filters';

/**
 * Keyset pagination cursor: the sort it belongs to, the sort column's value of the last row shown,
 * and that row's id (the tie-breaker). Opaque in the URL; a cursor of another sort is ignored.
 */
export type QueueCursor = { sort: QueueSort; value: string; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeQueueCursor(value: string | undefined, sort: QueueSort): QueueCursor | null {
  if (!value) return null;
  try {
    const [cursorSort, sortValue, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (cursorSort !== sort || typeof sortValue !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
    // Checked as completely as the query's casts will be: an impossible date (2026-02-30) would fail the query.
    const isDateSort = sort.startsWith('due') || sort.startsWith('received');
    if (isDateSort && !isCalendarDate(sortValue)) return null;
    return { sort, value: sortValue, id };
  } catch {
    // A mangled cursor just starts from the first page.
  }
  return null;
}
