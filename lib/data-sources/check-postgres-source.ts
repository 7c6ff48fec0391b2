import { AppError } from '@/lib/errors/app-error';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { describeIssue } from '@/lib/validation/issue-path';
import { checkMapAgainstSchema } from './postgres/check-map-against-schema';
import { withSource } from './postgres/connect-source';
import { describeConnectionFailure } from './postgres/describe-connection-failure';
import { type LiveSchema, readLiveSchema } from './postgres/read-live-schema';

/**
 * Before a PostgreSQL source is saved: connect with its connection string, read the
 * mapped tables' columns as they are now, and check every name in the map against
 * them. A wrong name is refused here rather than discovered in the middle of an erasure.
 * Problems come back as field errors: the connection on `connectionString`, the map's
 * on `map` with their path (`tables[1].export[2]: Column "nmae" does not exist…`).
 */
export async function checkPostgresSource(
  connectionString: string,
  map: TPostgresMap,
  { isSavedSecret = false, allowPrivateTargets }: { isSavedSecret?: boolean; allowPrivateTargets: boolean },
): Promise<void> {
  let live: LiveSchema;
  try {
    live = await withSource(connectionString, { allowPrivateTargets }, (sql) => readLiveSchema(sql, map.tables));
  } catch (error) {
    const message = describeConnectionFailure(connectionString, error);
    throw new AppError('VALIDATION', 'Could not connect to the source database.', {
      fieldErrors: { connectionString: [isSavedSecret ? `With the saved connection string: ${message}` : message] },
    });
  }
  const issues = checkMapAgainstSchema(map, live);
  if (issues.length > 0) {
    throw new AppError('VALIDATION', 'The map does not match the source database.', { fieldErrors: { map: issues.map((issue) => describeIssue(issue.path, issue.message)) } });
  }
}

/** The field errors an AppError carries (see runAction), for callers that report them elsewhere (the seed file loader). */
export function fieldErrorsOf(error: AppError): Record<string, string[]> {
  return (error.details.fieldErrors as Record<string, string[]> | undefined) ?? {};
}
