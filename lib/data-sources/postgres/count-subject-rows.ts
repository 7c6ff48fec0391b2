import type { Sql } from 'postgres';
import type { TPostgresMap } from '@/lib/validation/data-source';
import type { Subject } from './stream-subject-rows';
import { qualifiedName, subjectCondition, subjectParameters } from './subject-sql';
import { tableLabel } from './table-label';

export type TableErasurePlan = { table: string; action: 'delete' | 'anonymise' | 'keep'; rows: number; columns?: string[]; reason?: string };

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep. Reads only. */
export async function countSubjectRows(sql: Sql, map: TPostgresMap, subject: Subject): Promise<TableErasurePlan[]> {
  return sql.begin('isolation level repeatable read read only', async (transaction) => {
    const plans: TableErasurePlan[] = [];
    for (const table of map.tables) {
      const [{ rows }] = await transaction.unsafe<{ rows: number }[]>(
        `select count(*)::int as rows from ${qualifiedName(table)} where ${subjectCondition(map, table)}`,
        subjectParameters(transaction, subject),
      );
      plans.push({
        table: tableLabel(table),
        action: table.erase.action,
        rows,
        ...(table.erase.action === 'anonymise' ? { columns: table.erase.columns } : {}),
        ...(table.erase.action === 'keep' ? { reason: table.erase.reason } : {}),
      });
    }
    return plans;
  });
}
