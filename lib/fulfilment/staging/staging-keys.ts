import { isUuid } from '@/lib/validation/is-uuid';

/**
 * Where a gather run's sources put their data before the package is assembled: objects in the
 * storage STORAGE_URL names, under `staging/<run id>/<source slug>/`, so the worker that builds
 * the ZIP reads what a worker on another machine staged. Both parts are validated, so no name
 * from a source or a user ever shapes a key.
 */
export function runStagingPrefix(runId: string): string {
  if (!isUuid(runId)) throw new Error('invalid run id');
  return `staging/${runId}/`;
}

export function sourceStagingPrefix(runId: string, sourceSlug: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(sourceSlug)) throw new Error('invalid source slug');
  return `${runStagingPrefix(runId)}${sourceSlug}/`;
}

/** A table's CSV file name inside the source's folder: table labels are SQL identifiers (or schema.table), safe as names. */
export function tableFileName(tableLabel: string, extension: 'csv'): string {
  return `${tableLabel.replace(/[^A-Za-z0-9_.$-]/g, '_')}.${extension}`;
}

/**
 * The first rows of a table kept beside its CSV for the package's readable page
 * (index.html); never put into the ZIP itself.
 */
export function shownRowsFileName(tableLabel: string): string {
  return `${tableLabel.replace(/[^A-Za-z0-9_.$-]/g, '_')}.shown.json`;
}
