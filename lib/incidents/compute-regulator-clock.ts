import { breachRuleFor, type BreachNotificationRule } from './breach-notification-rules';

export type RegulatorClock = {
  rule: BreachNotificationRule;
  /** Null when the law sets no fixed period. */
  deadline: Date | null;
  state: 'running' | 'overdue' | 'stopped' | 'no_fixed_deadline';
  /** Milliseconds left (negative when overdue); null without a deadline or once stopped. */
  remainingMs: number | null;
};

const HOUR = 60 * 60 * 1000;

/** The weekday (0 Sunday … 6 Saturday) of an instant in a time zone. */
function weekdayIn(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(instant);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/**
 * The instant `days` business days after `from`, in the organisation's time zone: the same
 * time of day on the business day reached, skipping Saturdays and Sundays (public holidays are not modelled).
 */
export function addBusinessDaysToInstant(from: Date, days: number, timeZone: string): Date {
  let current = from;
  let left = days;
  while (left > 0) {
    // Whole days of 24 h: a DST change within the window moves the wall-clock time by an hour, never the date.
    current = new Date(current.getTime() + 24 * HOUR);
    const weekday = weekdayIn(current, timeZone);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}

export function regulatorDeadline(rule: BreachNotificationRule, discoveredAt: Date, timeZone: string): Date | null {
  switch (rule.window.kind) {
    case 'hours':
      return new Date(discoveredAt.getTime() + rule.window.hours * HOUR);
    case 'business_days':
      return addBusinessDaysToInstant(discoveredAt, rule.window.days, timeZone);
    case 'without_undue_delay':
      return null;
  }
}

export type ClockInput = { regimes: readonly string[]; discoveredAt: Date; decidedAt: Date | null };

/**
 * One clock per regime the incident falls under: its deadline counted from awareness, and
 * whether it runs, has run out, or was stopped by the regulator decision (notified, or
 * recorded as not required under Art. 33(1)).
 */
export function computeRegulatorClocks(
  { regimes, discoveredAt, decidedAt }: ClockInput,
  { now, timeZone }: { now: Date; timeZone: string },
): RegulatorClock[] {
  return regimes.flatMap((regime): RegulatorClock[] => {
    const rule = breachRuleFor(regime);
    if (!rule) return [];
    const deadline = regulatorDeadline(rule, discoveredAt, timeZone);
    if (decidedAt) return [{ rule, deadline, state: 'stopped', remainingMs: null }];
    if (!deadline) return [{ rule, deadline, state: 'no_fixed_deadline', remainingMs: null }];
    const remainingMs = deadline.getTime() - now.getTime();
    return [{ rule, deadline, state: remainingMs < 0 ? 'overdue' : 'running', remainingMs }];
  });
}

/** "2 days 5 hours", "45 minutes": the time left (or over) in words for the incident page. */
export function describeDuration(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (!days && rest) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ') || 'less than a minute';
}
