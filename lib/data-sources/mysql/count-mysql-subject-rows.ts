import type { Connection } from 'mysql2/promise';
import type { ErasurePlan } from '@/db/schema';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { countMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import type { Subject } from '../postgres/stream-subject-rows';
import { mysqlDialect } from './mysql-dialect';
import { mysqlStatementRunner } from './mysql-statement-runner';
import { readMysqlLiveSchema } from './read-mysql-live-schema';

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep, and the plan. Reads only, in one consistent snapshot. */
export async function countMysqlSubjectRows(
  connection: Connection,
  map: TMysqlMap,
  subject: Subject,
  { planKey }: { planKey: Buffer },
): Promise<{ plans: TableErasurePlan[]; plan: ErasurePlan }> {
  const live = await readMysqlLiveSchema(connection, map.tables);
  await connection.query('start transaction with consistent snapshot, read only');
  try {
    return await countMappedTables(mysqlDialect, map, live, mysqlStatementRunner(connection, subject), { planKey });
  } finally {
    await connection.query('rollback');
  }
}
