import type { RequestRow } from '@/db/schema';
import { appealableUntil } from '@/lib/deadlines/appeal-rules';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';

/**
 * The last day this request may be appealed, or null when it cannot be (not refused, or the regime has
 * no appeal). One rule for the status page that offers the form and the use case that accepts it.
 */
export function appealWindowOf(request: Pick<RequestRow, 'status' | 'policy' | 'closedAt' | 'appealOfId'>): string | null {
  if (request.status !== 'rejected' || !request.policy || !request.closedAt || request.appealOfId) return null;
  return appealableUntil(toCalendarDate(request.closedAt, env().TIME_ZONE), request.policy);
}
