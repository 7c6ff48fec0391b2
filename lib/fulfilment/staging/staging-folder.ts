import path from 'node:path';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/validation/is-uuid';

/**
 * Where a gather run's sources write their data before the package is assembled:
 * STORAGE_DIR/staging/<run id>/<source slug>/. Both parts are validated, so no
 * name from a source or a user ever shapes the path.
 */
export function runStagingFolder(runId: string): string {
  if (!isUuid(runId)) throw new Error('invalid run id');
  return path.resolve(env().STORAGE_DIR, 'staging', runId);
}

export function sourceStagingFolder(runId: string, sourceSlug: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(sourceSlug)) throw new Error('invalid source slug');
  return path.join(runStagingFolder(runId), sourceSlug);
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
