import type { Sql } from 'postgres';
import type { ErasurePlan } from '@/db/schema';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { countMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import { postgresDialect } from './postgres-dialect';
import { postgresStatementRunner } from './postgres-statement-runner';
import { readLiveSchema } from './read-live-schema';
import type { Subject } from './stream-subject-rows';

export type { TableErasurePlan } from '../map/mapped-table-sql';

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep, and the plan. Reads only, in one snapshot. */
export async function countSubjectRows(
  sql: Sql,
  map: TPostgresMap,
  subject: Subject,
  { planKey }: { planKey: Buffer },
): Promise<{ plans: TableErasurePlan[]; plan: ErasurePlan }> {
  return sql.begin('isolation level repeatable read read only', async (transaction) =>
    countMappedTables(postgresDialect, map, await readLiveSchema(transaction, map.tables), postgresStatementRunner(transaction, subject), {
      planKey,
    }),
  );
}
