/** A span during which the deadline clock was stopped while we waited for the requester. */
export type PausedInterval = { from: Date; to: Date | null; pausedDays: number | null };

type ClockEvent = { action: string; details: Record<string, unknown>; createdAt: Date };

/**
 * The clock-stop history, read back from the audit trail: an information request
 * that stopped the clock opens an interval, the requester's reply (or staff resuming work) closes it with
 * the days added to the due date. Kept in events rather than a table of its own
 * so the record of a pause and the pause itself can never disagree.
 */
export function listPausedIntervals(events: readonly ClockEvent[]): PausedInterval[] {
  const intervals: PausedInterval[] = [];
  let open: PausedInterval | null = null;
  for (const event of events) {
    if (event.action === 'information_requested' && event.details.isClockStopped === true && !open) {
      open = { from: event.createdAt, to: null, pausedDays: null };
      intervals.push(open);
    } else if ((event.action === 'requester_replied' || event.action === 'work_resumed') && open) {
      open.to = event.createdAt;
      open.pausedDays = typeof event.details.pausedDays === 'number' ? event.details.pausedDays : null;
      open = null;
    } else if ((event.action === 'fulfilled' || event.action === 'rejected' || event.action === 'cancelled') && open) {
      // Closing a request while waiting restarts nothing: the interval simply ends.
      open.to = event.createdAt;
      open = null;
    }
  }
  return intervals;
}
