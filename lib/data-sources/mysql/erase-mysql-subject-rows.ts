import type { Connection } from 'mysql2/promise';
import type { ErasureProof } from '@/db/schema';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { type EraseOptions, eraseMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import { proveErasure } from '../map/prove-erasure';
import type { Subject } from '../postgres/stream-subject-rows';
import { mysqlDialect } from './mysql-dialect';
import { mysqlStatementRunner } from './mysql-statement-runner';
import { readMysqlLiveSchema } from './read-mysql-live-schema';

/**
 * Erases the subject from one MySQL/MariaDB source in one transaction (see
 * eraseMappedTables for the plan check, the order and the rows touched), then queries
 * it again for the proof. The tables must be transactional (InnoDB): a MyISAM table
 * cannot be rolled back.
 */
export async function eraseMysqlSubjectRows(
  connection: Connection,
  map: TMysqlMap,
  subject: Subject,
  options: EraseOptions = {},
): Promise<{ plans: TableErasurePlan[]; proof: ErasureProof }> {
  const live = await readMysqlLiveSchema(connection, map.tables);
  await connection.beginTransaction();
  let plans: TableErasurePlan[];
  try {
    plans = await eraseMappedTables(mysqlDialect, map, live, mysqlStatementRunner(connection, subject), options);
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  }
  return { plans, proof: await proveErasure(mysqlDialect, map, live, mysqlStatementRunner(connection, subject)) };
}
