/** The one line of facts worth showing under a timeline entry, from the event's recorded details. */
export function eventDetail(action: string, details: Record<string, unknown>): string | undefined {
  switch (action) {
    case 'deadline_extended':
      return `Due date moved from ${String(details.previousDueOn)} to ${String(details.dueOn)}`;
    case 'information_requested':
      return `${details.isClockStopped ? 'Clock stopped. ' : ''}${typeof details.message === 'string' ? `Question: ${details.message}` : ''}`.trim() || undefined;
    case 'requester_replied':
      return typeof details.pausedDays === 'number' && details.pausedDays > 0 ? `Clock restarted; ${details.pausedDays} paused days added, now due ${String(details.dueOn)}` : undefined;
    case 'fulfilled':
      if (Array.isArray(details.erasedFrom)) return `Erasure complete in: ${details.erasedFrom.join(', ')}`;
      return Array.isArray(details.files) && details.files.length > 0 ? `${details.files.length} file(s) attached` : undefined;
    case 'sources_retried':
      return Array.isArray(details.sources) ? `Retried: ${details.sources.join(', ')}` : undefined;
    case 'personal_data_minimised':
      return typeof details.retentionDays === 'number' ? `${details.retentionDays} days after closing; ${Number(details.notesDeleted) || 0} note(s) and ${Number(details.filesDeleted) || 0} file(s) deleted` : undefined;
    case 'retry_requested':
      return typeof details.emails === 'number' ? `${details.emails} email(s) rescheduled` : undefined;
    default:
      return undefined;
  }
}
