import type { DataSourceRow } from '@/db/schema';
import type { StatementRunner } from '@/lib/data-sources/map/mapped-table-sql';
import type { LiveSchema, SqlDialect } from '@/lib/data-sources/map/sql-dialect';
import { withMysqlSource } from '@/lib/data-sources/mysql/connect-mysql-source';
import { mysqlDialect } from '@/lib/data-sources/mysql/mysql-dialect';
import { mysqlStatementRunner } from '@/lib/data-sources/mysql/mysql-statement-runner';
import { readMysqlLiveSchema } from '@/lib/data-sources/mysql/read-mysql-live-schema';
import { withSource } from '@/lib/data-sources/postgres/connect-source';
import { postgresDialect } from '@/lib/data-sources/postgres/postgres-dialect';
import { postgresStatementRunner } from '@/lib/data-sources/postgres/postgres-statement-runner';
import { readLiveSchema } from '@/lib/data-sources/postgres/read-live-schema';
import type { Subject } from '@/lib/data-sources/postgres/stream-subject-rows';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { AppError } from '@/lib/errors/app-error';
import { type TSourceMap, ZMysqlSourceConfig, ZPostgresSourceConfig } from '@/lib/validation/data-source';

/** What a statement on a database source needs, whatever its kind. */
export type SourceTransaction = { dialect: SqlDialect; map: TSourceMap; live: LiveSchema; run: StatementRunner };

/**
 * Runs `work` in one transaction on a database source (PostgreSQL or MySQL/MariaDB), with the
 * subject's values bound to its statements: committed when `work` returns, rolled back when it
 * throws. A caller that records an audit event inside `work` on its own transaction gets the
 * source's change and the event together, except in the one window where our commit fails
 * after the source's succeeded.
 */
export async function inSourceTransaction<T>(
  source: DataSourceRow,
  { subject, allowPrivateTargets }: { subject: Subject; allowPrivateTargets: boolean },
  work: (source: SourceTransaction) => Promise<T>,
): Promise<T> {
  if (source.kind === 'postgres') {
    const { map } = ZPostgresSourceConfig.parse(source.config);
    return withSource(readSourceSecret(source), { allowPrivateTargets }, (sql) =>
      sql.begin(async (transaction) =>
        work({
          dialect: postgresDialect,
          map,
          live: await readLiveSchema(transaction, map.tables),
          run: postgresStatementRunner(transaction, subject),
        }),
      ),
    ) as Promise<T>;
  }
  if (source.kind === 'mysql') {
    const { map } = ZMysqlSourceConfig.parse(source.config);
    return withMysqlSource(readSourceSecret(source), { allowPrivateTargets }, async ({ promise }) => {
      const live = await readMysqlLiveSchema(promise, map.tables);
      await promise.beginTransaction();
      try {
        const result = await work({ dialect: mysqlDialect, map, live, run: mysqlStatementRunner(promise, subject) });
        await promise.commit();
        return result;
      } catch (error) {
        await promise.rollback();
        throw error;
      }
    });
  }
  throw new AppError('VALIDATION', `${source.name} is not a database source.`, { field: 'sourceId' });
}
