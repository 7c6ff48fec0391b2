import { formatBytes } from '@/lib/format/format-bytes';

/** The one line of facts worth showing under a timeline entry, from the event's recorded details. */
export function eventDetail(action: string, details: Record<string, unknown>): string | undefined {
  switch (action) {
    case 'deadline_extended':
      return `Due date moved from ${String(details.previousDueOn)} to ${String(details.dueOn)}`;
    case 'information_requested':
      return (
        `${details.isClockStopped ? 'Clock stopped. ' : ''}${typeof details.message === 'string' ? `Question: ${details.message}` : ''}`.trim() ||
        undefined
      );
    case 'requester_replied':
      return typeof details.pausedDays === 'number' && details.pausedDays > 0
        ? `Clock restarted; ${details.pausedDays} paused days added, now due ${String(details.dueOn)}`
        : undefined;
    case 'fulfilled':
      if (Array.isArray(details.erasedFrom)) return `Erasure complete in: ${details.erasedFrom.join(', ')}`;
      return Array.isArray(details.files) && details.files.length > 0 ? `${details.files.length} file(s) attached` : undefined;
    case 'sources_retried':
      return Array.isArray(details.sources) ? `Retried: ${details.sources.join(', ')}` : undefined;
    case 'personal_data_minimised':
      return typeof details.retentionDays === 'number'
        ? `${details.retentionDays} days after closing; ${Number(details.notesDeleted) || 0} note(s) and ${Number(details.filesDeleted) || 0} file(s) deleted`
        : undefined;
    case 'data_gathering_started':
    case 'erasure_dry_run_started':
    case 'erasure_started':
      return Array.isArray(details.sources) ? `Sources: ${details.sources.join(', ')}` : undefined;
    case 'source_succeeded':
      // A manual source has no tables: its note is on the request page, not in the audit details.
      return hasTables(details.rowCounts)
        ? `${String(details.source)}: ${rowTotal(details.rowCounts)} row(s)`
        : `${String(details.source)}: confirmed`;
    case 'source_failed':
      return `${String(details.source)}: ${String(details.error)}`;
    case 'data_gathering_failed':
    case 'erasure_dry_run_failed':
    case 'erasure_failed':
      return Array.isArray(details.failedSources)
        ? `Failed: ${details.failedSources.join(', ')}`
        : typeof details.error === 'string'
          ? details.error
          : undefined;
    case 'fulfilment_run_stopped':
      return typeof details.stoppedSources === 'number' ? `${details.stoppedSources} source(s) not yet done were stopped` : undefined;
    case 'data_package_built':
      return typeof details.sizeBytes === 'number' ? `${formatBytes(details.sizeBytes)}, SHA-256 ${String(details.sha256)}` : undefined;
    case 'retry_requested':
      return typeof details.emails === 'number' ? `${details.emails} email(s) rescheduled` : undefined;
    default:
      return undefined;
  }
}

function hasTables(rowCounts: unknown): boolean {
  return Boolean(rowCounts && typeof rowCounts === 'object' && Object.keys(rowCounts).length > 0);
}

function rowTotal(rowCounts: unknown): number {
  return rowCounts && typeof rowCounts === 'object'
    ? Object.values(rowCounts).reduce((total: number, rows) => total + (typeof rows === 'number' ? rows : 0), 0)
    : 0;
}
