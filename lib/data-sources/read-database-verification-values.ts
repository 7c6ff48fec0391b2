import type { TDatabaseSourceConfig } from '@/lib/validation/data-source';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import { readVerificationValues } from './map/read-verification-values';
import { withMysqlSource } from './mysql/connect-mysql-source';
import { mysqlDialect } from './mysql/mysql-dialect';
import { mysqlStatementRunner } from './mysql/mysql-statement-runner';
import { type SourceNetworkOptions, withSource } from './postgres/connect-source';
import { postgresDialect } from './postgres/postgres-dialect';
import { postgresStatementRunner } from './postgres/postgres-statement-runner';
import type { Subject } from './postgres/stream-subject-rows';

/**
 * The subject's verification values from one database source, PostgreSQL or MySQL/MariaDB:
 * the same statements (lib/data-sources/map), each database's own read-only snapshot, so the
 * tables read agree with each other while the shop takes orders. Names come only from the
 * map checked against the live schema when it was saved; the subject is bound as parameters.
 */
export async function readDatabaseVerificationValues(
  connectionString: string,
  config: TDatabaseSourceConfig,
  subject: Subject,
  network: SourceNetworkOptions,
): Promise<Map<DataPointKind, string[]>> {
  if (config.kind === 'postgres') {
    return withSource(connectionString, network, (sql) =>
      sql.begin('isolation level repeatable read read only', (transaction) =>
        readVerificationValues(postgresDialect, config.map, postgresStatementRunner(transaction, subject)),
      ),
    );
  }
  return withMysqlSource(connectionString, network, async ({ promise }) => {
    await promise.query('start transaction with consistent snapshot, read only');
    try {
      return await readVerificationValues(mysqlDialect, config.map, mysqlStatementRunner(promise, subject));
    } finally {
      await promise.query('rollback');
    }
  });
}
