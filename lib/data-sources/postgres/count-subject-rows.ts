import type { Sql } from 'postgres';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { countMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import { postgresDialect } from './postgres-dialect';
import type { Subject } from './stream-subject-rows';
import { subjectParameters } from './subject-sql';

export type { TableErasurePlan } from '../map/mapped-table-sql';

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep. Reads only, in one snapshot. */
export async function countSubjectRows(sql: Sql, map: TPostgresMap, subject: Subject): Promise<TableErasurePlan[]> {
  return sql.begin('isolation level repeatable read read only', async (transaction) =>
    countMappedTables(postgresDialect, map, {
      count: async (statement) => Number((await transaction.unsafe<{ row_count: string }[]>(statement, subjectParameters(transaction, subject)))[0]!.row_count),
      change: () => Promise.reject(new Error('a dry run changes nothing')),
    }),
  );
}
