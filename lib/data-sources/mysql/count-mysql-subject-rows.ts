import type { Connection } from 'mysql2/promise';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { countMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import type { Subject } from '../postgres/stream-subject-rows';
import { mysqlDialect } from './mysql-dialect';
import { mysqlStatementRunner } from './mysql-statement-runner';

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep. Reads only, in one consistent snapshot. */
export async function countMysqlSubjectRows(connection: Connection, map: TMysqlMap, subject: Subject): Promise<TableErasurePlan[]> {
  await connection.query('start transaction with consistent snapshot, read only');
  try {
    return await countMappedTables(mysqlDialect, map, mysqlStatementRunner(connection, subject));
  } finally {
    await connection.query('rollback');
  }
}
