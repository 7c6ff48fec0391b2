import { isOpen, type RequestStatus } from '@/lib/requests/request-status';
import { daysBetween, type CalendarDate } from './calendar-date';

/** Within this many days of the due date a request is "due soon" (the reminder job warns at 7 too). */
export const DUE_SOON_DAYS = 7;

export type SlaTone = 'on_track' | 'due_soon' | 'due_today' | 'overdue' | 'closed';

export type SlaDescription = { tone: SlaTone; text: string; daysLeft: number | null };

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/**
 * How much time a request has left, in words. The words carry the urgency
 * ("Overdue by 4 days"), so the badge's colour is never the only signal. Closed
 * and unconfirmed requests have no running clock. Counts whole calendar days, as
 * the statutory deadlines do (see calendar-date.ts).
 */
export function describeSla({
  dueOn,
  today,
  status,
}: {
  dueOn: CalendarDate | null;
  today: CalendarDate;
  status: RequestStatus;
}): SlaDescription {
  if (!isOpen(status)) return { tone: 'closed', text: 'Closed', daysLeft: null };
  if (!dueOn) return { tone: 'closed', text: 'No deadline yet', daysLeft: null };
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return { tone: 'overdue', text: `Overdue by ${days(-daysLeft)}`, daysLeft };
  if (daysLeft === 0) return { tone: 'due_today', text: 'Due today', daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { tone: 'due_soon', text: `Due soon · ${days(daysLeft)} left`, daysLeft };
  return { tone: 'on_track', text: `${days(daysLeft)} left`, daysLeft };
}
