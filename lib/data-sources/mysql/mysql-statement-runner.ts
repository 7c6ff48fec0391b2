import type { ResultSetHeader, RowDataPacket } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import type { StatementRunner } from '../map/mapped-table-sql';
import type { Subject } from '../postgres/stream-subject-rows';
import { mysqlSubjectParameters } from './mysql-dialect';

/** Runs the shared map statements on a MySQL/MariaDB connection with the subject's named parameters. */
export function mysqlStatementRunner(connection: Connection, subject: Subject): StatementRunner {
  return {
    first: async (statement, extras = []) => ({
      ...(await connection.query<RowDataPacket[]>(statement, mysqlSubjectParameters(subject, extras)))[0][0],
    }),
    all: async (statement, extras = []) =>
      (await connection.query<RowDataPacket[]>(statement, mysqlSubjectParameters(subject, extras)))[0].map((row) => ({ ...row })),
    change: async (statement, extras = []) =>
      (await connection.query<ResultSetHeader>(statement, mysqlSubjectParameters(subject, extras)))[0].affectedRows,
  };
}
