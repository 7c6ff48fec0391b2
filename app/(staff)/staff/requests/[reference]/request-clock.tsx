import { DateText } from '@/components/date-text';
import { daysBetween, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import type { PausedInterval } from '@/lib/requests/list-paused-intervals';

type RequestClockProps = {
  dueOn: string | null;
  originalDueOn: string | null;
  extensionCount: number;
  extensionReason: string | null;
  pausedDays: number;
  clockStoppedAt: Date | null;
  /** While the clock is stopped: the due date if the requester answered today (it moves a day for every day of waiting). */
  projectedDueOn: string | null;
  pausedIntervals: PausedInterval[];
  isOpen: boolean;
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The deadline in plain words: due date, how it moved, and days left counted in the organisation's time zone. */
export function RequestClock({
  dueOn,
  originalDueOn,
  extensionCount,
  extensionReason,
  pausedDays,
  clockStoppedAt,
  projectedDueOn,
  pausedIntervals,
  isOpen,
}: RequestClockProps) {
  if (!dueOn) return <p>No deadline yet: it starts when the requester confirms their email address.</p>;
  const { text: remaining, isOverdue } = describeTimeLeft({ dueOn, clockStoppedAt, projectedDueOn });
  return (
    <dl className="summary">
      <dt>Due by</dt>
      <dd>
        <DateText date={dueOn} />
        {isOpen ? <span className={isOverdue ? 'clock-remaining clock-remaining--overdue' : 'clock-remaining'}> ({remaining})</span> : null}
      </dd>
      {originalDueOn && originalDueOn !== dueOn ? (
        <>
          <dt>Originally due</dt>
          <dd>
            <DateText date={originalDueOn} />
          </dd>
        </>
      ) : null}
      <dt>Extension</dt>
      <dd>
        {extensionCount > 0
          ? `Extended ${extensionCount === 1 ? 'once' : `${extensionCount} times`}: ${extensionReason ?? ''}`
          : 'Not extended'}
      </dd>
      <dt>Clock stops</dt>
      <dd>
        {pausedIntervals.length === 0 ? (
          'None'
        ) : (
          <ul className="plain-list">
            {pausedIntervals.map((interval) => (
              <li key={interval.from.toISOString()}>
                {dateTime.format(interval.from)} – {interval.to ? dateTime.format(interval.to) : 'still waiting'}
                {interval.pausedDays !== null ? ` (${interval.pausedDays} ${interval.pausedDays === 1 ? 'day' : 'days'} added)` : ''}
              </li>
            ))}
          </ul>
        )}
        {pausedDays > 0 ? <p className="field__hint">{pausedDays} paused days in total are already in the due date.</p> : null}
      </dd>
    </dl>
  );
}

/** Time left in words, counted in the organisation's time zone; "clock stopped" while the request waits with the clock paused. */
export function describeTimeLeft({
  dueOn,
  clockStoppedAt,
  projectedDueOn,
}: {
  dueOn: string;
  clockStoppedAt: Date | null;
  projectedDueOn: string | null;
}): { text: string; isOverdue: boolean } {
  const daysLeft = daysBetween(toCalendarDate(new Date(), env().TIME_ZONE), dueOn);
  if (clockStoppedAt) {
    return { text: `Clock stopped while we wait for the requester: due ${projectedDueOn ?? dueOn} if they answer today`, isOverdue: false };
  }
  if (daysLeft < 0) return { text: `Overdue by ${-daysLeft} ${-daysLeft === 1 ? 'day' : 'days'}`, isOverdue: true };
  if (daysLeft === 0) return { text: 'Due today', isOverdue: false };
  return { text: `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`, isOverdue: false };
}
