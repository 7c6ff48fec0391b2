import { isCalendarDate } from '@/lib/deadlines/calendar-date';
import { isUuid } from '@/lib/validation/is-uuid';

/** Keyset pagination cursor: the (due date, id) of the last row shown, opaque in the URL. */
export type QueueCursor = { dueOn: string; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueOn, cursor.id])).toString('base64url');
}

export function decodeQueueCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  try {
    const [dueOn, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    // Checked as completely as the query's casts will be: an impossible date (2026-02-30) or a non-UUID id would fail the query.
    if (isCalendarDate(dueOn) && typeof id === 'string' && isUuid(id)) return { dueOn, id };
  } catch {
    // A mangled cursor just starts from the first page.
  }
  return null;
}
