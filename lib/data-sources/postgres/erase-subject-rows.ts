import type { Sql } from 'postgres';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { type EraseOptions, eraseMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import { postgresDialect } from './postgres-dialect';
import { readLiveSchema } from './read-live-schema';
import type { Subject } from './stream-subject-rows';
import { subjectParameters, TEXT_OID } from './subject-sql';

/** Erases the subject from one PostgreSQL source in one transaction (see eraseMappedTables for the order and the rows touched). */
export async function eraseSubjectRows(sql: Sql, map: TPostgresMap, subject: Subject, options: EraseOptions = {}): Promise<TableErasurePlan[]> {
  const live = await readLiveSchema(sql, map.tables);
  return sql.begin(async (transaction) =>
    eraseMappedTables(postgresDialect, map, live, {
      count: async (statement) => Number((await transaction.unsafe<{ row_count: string }[]>(statement, subjectParameters(transaction, subject)))[0]!.row_count),
      change: async (statement, extras = []) => (await transaction.unsafe(statement, [...subjectParameters(transaction, subject), ...extras.map((value) => transaction.typed(value, TEXT_OID))])).count,
    }, options),
  );
}
