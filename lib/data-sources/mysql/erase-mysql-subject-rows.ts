import type { Connection } from 'mysql2/promise';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { type EraseOptions, eraseMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import type { Subject } from '../postgres/stream-subject-rows';
import { mysqlDialect } from './mysql-dialect';
import { mysqlStatementRunner } from './mysql-statement-runner';
import { readMysqlLiveSchema } from './read-mysql-live-schema';

/**
 * Erases the subject from one MySQL/MariaDB source in one transaction (see
 * eraseMappedTables for the order and the rows touched). The tables must be
 * transactional (InnoDB): a MyISAM table cannot be rolled back.
 */
export async function eraseMysqlSubjectRows(connection: Connection, map: TMysqlMap, subject: Subject, options: EraseOptions = {}): Promise<TableErasurePlan[]> {
  const live = await readMysqlLiveSchema(connection, map.tables);
  await connection.beginTransaction();
  try {
    const results = await eraseMappedTables(mysqlDialect, map, live, mysqlStatementRunner(connection, subject), options);
    await connection.commit();
    return results;
  } catch (error) {
    await connection.rollback();
    throw error;
  }
}
