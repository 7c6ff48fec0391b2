import { type RegulatorClock, describeDuration } from '@/lib/incidents/compute-regulator-clock';

/** One line per regime: time left, overdue, stopped, or no fixed deadline. */
export function clockSummary(clock: RegulatorClock): string {
  switch (clock.state) {
    case 'running':
      return `${describeDuration(clock.remainingMs!)} left`;
    case 'overdue':
      return `Overdue by ${describeDuration(clock.remainingMs!)}`;
    case 'stopped':
      return 'Clock stopped';
    case 'no_fixed_deadline':
      return 'No fixed deadline: without undue delay';
  }
}

/** The most urgent clock first: overdue, then the least time left. */
export function mostUrgent(clocks: RegulatorClock[]): RegulatorClock | undefined {
  return [...clocks].sort((a, b) => (a.remainingMs ?? Number.POSITIVE_INFINITY) - (b.remainingMs ?? Number.POSITIVE_INFINITY))[0];
}
