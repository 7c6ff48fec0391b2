import { AppError } from '@/lib/errors/app-error';
import type { TDatabaseSourceConfig } from '@/lib/validation/data-source';
import { describeIssue } from '@/lib/validation/issue-path';
import { describeConnectionFailure } from './describe-connection-failure';
import { checkMapAgainstSchema } from './map/check-map-against-schema';
import type { LiveSchema, SqlDialect } from './map/sql-dialect';
import { withMysqlSource } from './mysql/connect-mysql-source';
import { mysqlDialect } from './mysql/mysql-dialect';
import { readMysqlLiveSchema } from './mysql/read-mysql-live-schema';
import { type SourceNetworkOptions, withSource } from './postgres/connect-source';
import { postgresDialect } from './postgres/postgres-dialect';
import { readLiveSchema } from './postgres/read-live-schema';

/**
 * Before a database source (PostgreSQL, MySQL/MariaDB) is saved: connect with its
 * connection string, read the mapped tables' columns as they are now, and check
 * every name in the map against them. A wrong name is refused here rather than
 * discovered in the middle of an erasure. Problems come back as field errors: the
 * connection on `connectionString`, the map's on `map` with their path
 * (`tables[1].export[2]: Column "nmae" does not exist…`).
 */
export async function checkDatabaseSource(
  connectionString: string,
  config: TDatabaseSourceConfig,
  { isSavedSecret = false, allowPrivateTargets }: { isSavedSecret?: boolean } & SourceNetworkOptions,
): Promise<void> {
  let live: LiveSchema;
  try {
    live = await readLiveSchemaOf(connectionString, config, { allowPrivateTargets });
  } catch (error) {
    const message = describeConnectionFailure(connectionString, error);
    throw new AppError('VALIDATION', 'Could not connect to the source database.', {
      fieldErrors: { connectionString: [isSavedSecret ? `With the saved connection string: ${message}` : message] },
    });
  }
  const issues = checkMapAgainstSchema(config.map, live, dialectOf(config));
  if (issues.length > 0) {
    throw new AppError('VALIDATION', 'The map does not match the source database.', {
      fieldErrors: { map: issues.map((issue) => describeIssue(issue.path, issue.message)) },
    });
  }
}

function readLiveSchemaOf(connectionString: string, config: TDatabaseSourceConfig, network: SourceNetworkOptions): Promise<LiveSchema> {
  if (config.kind === 'mysql')
    return withMysqlSource(connectionString, network, ({ promise }) => readMysqlLiveSchema(promise, config.map.tables));
  return withSource(connectionString, network, (sql) => readLiveSchema(sql, config.map.tables));
}

export function dialectOf(config: TDatabaseSourceConfig): SqlDialect {
  return config.kind === 'mysql' ? mysqlDialect : postgresDialect;
}

/** The field errors an AppError carries (see runAction), for callers that report them elsewhere (the seed file loader). */
export function fieldErrorsOf(error: AppError): Record<string, string[]> {
  return (error.details.fieldErrors as Record<string, string[]> | undefined) ?? {};
}
