import type { Sql, TransactionSql } from 'postgres';
import { readYieldedIdentities } from '@/lib/data-sources/map/read-yielded-identities';
import { postgresDialect } from '@/lib/data-sources/postgres/postgres-dialect';
import { postgresStatementRunner } from '@/lib/data-sources/postgres/postgres-statement-runner';
import { withSource } from '@/lib/data-sources/postgres/connect-source';
import { countSubjectRows } from '@/lib/data-sources/postgres/count-subject-rows';
import { eraseSubjectRows } from '@/lib/data-sources/postgres/erase-subject-rows';
import { streamSubjectRows } from '@/lib/data-sources/postgres/stream-subject-rows';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { type TPostgresMap, ZPostgresSourceConfig } from '@/lib/validation/data-source';
import type { SourceExecutor, SourceOutcome, SourceStep } from '../source-executor';
import { type StagedTable, stageSourceData } from '../staging/stage-source-data';
import { databaseSourceOutcome, erasurePlanKey, planToExecute, withYieldedIdentities } from './database-source-outcome';

/** A PostgreSQL source's step: stream the subject's rows into staging (in storage), count them (dry run), or erase them. */
export const runPostgresSource: SourceExecutor = async (step) => {
  const { map } = ZPostgresSourceConfig.parse(step.source.config);
  return withSource(readSourceSecret(step.source), { allowPrivateTargets: step.allowPrivateTargets }, async (sql) => {
    // Read before the step: an erasure must not remove the rows the next sources are found through.
    const identities = map.yields?.length
      ? await readYieldedIdentities(postgresDialect, map, postgresStatementRunner(sql, step.subject))
      : null;
    return withYieldedIdentities(identities, await runStep(sql, map, step));
  });
};

async function runStep(sql: Sql, map: TPostgresMap, step: SourceStep): Promise<SourceOutcome> {
  if (step.run.kind === 'gather') {
    // One read-only snapshot: the tables of a package agree with each other even while the shop takes orders.
    const { rowCounts, rowsDone } = await sql.begin('isolation level repeatable read read only', (transaction) =>
      stageSourceData({
        runId: step.run.id,
        sourceSlug: step.source.slug,
        sourceName: step.source.name,
        tables: mappedTables(transaction, map, step),
        onProgress: step.reportProgress,
      }),
    );
    return { status: 'succeeded', rowCounts, rowsDone };
  }
  if (step.run.kind === 'dry_run')
    return databaseSourceOutcome(await countSubjectRows(sql, map, step.subject, { planKey: erasurePlanKey(step.request.id) }));
  const expected = planToExecute(step);
  return databaseSourceOutcome({ ...(await eraseSubjectRows(sql, map, step.subject, { expected })), plan: expected.plan });
}

function* mappedTables(
  transaction: TransactionSql,
  map: ReturnType<typeof ZPostgresSourceConfig.parse>['map'],
  step: SourceStep,
): Generator<StagedTable> {
  for (const table of map.tables) {
    yield { name: tableLabel(table), columns: table.export, batches: streamSubjectRows(transaction, map, table, step.subject) };
  }
}
