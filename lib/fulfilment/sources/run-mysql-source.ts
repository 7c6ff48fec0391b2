import type { Connection } from 'mysql2';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { withMysqlSource } from '@/lib/data-sources/mysql/connect-mysql-source';
import { countMysqlSubjectRows } from '@/lib/data-sources/mysql/count-mysql-subject-rows';
import { eraseMysqlSubjectRows } from '@/lib/data-sources/mysql/erase-mysql-subject-rows';
import { streamMysqlSubjectRows } from '@/lib/data-sources/mysql/stream-mysql-subject-rows';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { readYieldedIdentities } from '@/lib/data-sources/map/read-yielded-identities';
import { mysqlDialect } from '@/lib/data-sources/mysql/mysql-dialect';
import { mysqlStatementRunner } from '@/lib/data-sources/mysql/mysql-statement-runner';
import { type TMysqlMap, ZMysqlSourceConfig } from '@/lib/validation/data-source';
import type { SourceExecutor, SourceStep } from '../source-executor';
import { type StagedTable, stageSourceData } from '../staging/stage-source-data';
import { databaseSourceOutcome, erasurePlanKey, planToExecute, withYieldedIdentities } from './database-source-outcome';

/** A MySQL/MariaDB source's step: stream the subject's rows into staging (in storage), count them (dry run), or erase them. */
export const runMysqlSource: SourceExecutor = async (step) => {
  const { map } = ZMysqlSourceConfig.parse(step.source.config);
  return withMysqlSource(
    readSourceSecret(step.source),
    { allowPrivateTargets: step.allowPrivateTargets },
    async ({ promise, connection }) => {
      const identities = map.yields?.length
        ? await readYieldedIdentities(mysqlDialect, map, mysqlStatementRunner(promise, step.subject))
        : null;
      if (step.run.kind === 'gather') {
        // One consistent read-only snapshot: the tables of a package agree with each other even while the shop takes orders.
        await promise.query('start transaction with consistent snapshot, read only');
        try {
          const { rowCounts, rowsDone } = await stageSourceData({
            runId: step.run.id,
            sourceSlug: step.source.slug,
            sourceName: step.source.name,
            tables: mappedTables(connection, map, step),
            onProgress: step.reportProgress,
          });
          return withYieldedIdentities(identities, { status: 'succeeded', rowCounts, rowsDone });
        } finally {
          await promise.query('rollback');
        }
      }
      if (step.run.kind === 'dry_run')
        return withYieldedIdentities(
          identities,
          databaseSourceOutcome(await countMysqlSubjectRows(promise, map, step.subject, { planKey: erasurePlanKey(step.request.id) })),
        );
      const expected = planToExecute(step);
      return withYieldedIdentities(
        identities,
        databaseSourceOutcome({ ...(await eraseMysqlSubjectRows(promise, map, step.subject, { expected })), plan: expected.plan }),
      );
    },
  );
};

function* mappedTables(connection: Connection, map: TMysqlMap, step: SourceStep): Generator<StagedTable> {
  for (const table of map.tables) {
    yield { name: tableLabel(table), columns: table.export, batches: streamMysqlSubjectRows(connection, map, table, step.subject) };
  }
}
