import type { Sql, TransactionSql } from 'postgres';
import type { StatementRunner } from '../map/mapped-table-sql';
import type { Subject } from './stream-subject-rows';
import { subjectParameters, TEXT_OID } from './subject-sql';

/** Runs the shared map statements on a PostgreSQL client or transaction: $1 to $3 the subject, extra values after them as text. */
export function postgresStatementRunner(sql: Sql | TransactionSql, subject: Subject): StatementRunner {
  const parameters = (extras: string[]) => [...subjectParameters(sql, subject), ...extras.map((value) => sql.typed(value, TEXT_OID))];
  return {
    first: async (statement, extras = []) => ({ ...(await sql.unsafe<Record<string, unknown>[]>(statement, parameters(extras)))[0] }),
    all: async (statement, extras = []) => [...(await sql.unsafe<Record<string, unknown>[]>(statement, parameters(extras)))],
    change: async (statement, extras = []) => (await sql.unsafe(statement, parameters(extras))).count,
  };
}
