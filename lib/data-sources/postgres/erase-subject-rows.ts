import type { Sql } from 'postgres';
import type { TPostgresMap } from '@/lib/validation/data-source';
import type { TableErasurePlan } from './count-subject-rows';
import { readLiveSchema } from './read-live-schema';
import type { Subject } from './stream-subject-rows';
import { erasureOrder, qualifiedName, quoteIdentifier, subjectCondition, subjectParameters } from './subject-sql';
import { tableLabel } from './table-label';

/**
 * Erases the subject from one source in one transaction: every table is done or
 * none is, so a failure leaves the source as it was and "Retry" starts clean.
 * Tables are visited children first (erasureOrder), while the parent rows that
 * identify the subject still exist. Only rows matching the subject condition are
 * touched: other people's rows are never in a WHERE that could select them.
 * Anonymised columns become NULL, or where NULL is not allowed a unique
 * "erased-<uuid>" placeholder (unique, so unique constraints on e.g. email hold).
 */
export async function eraseSubjectRows(sql: Sql, map: TPostgresMap, subject: Subject): Promise<TableErasurePlan[]> {
  const live = await readLiveSchema(sql, map.tables);
  return sql.begin(async (transaction) => {
    const results: TableErasurePlan[] = [];
    for (const table of erasureOrder(map)) {
      const where = subjectCondition(map, table);
      const parameters = subjectParameters(transaction, subject);
      const label = tableLabel(table);
      if (table.erase.action === 'keep') {
        const [{ rows }] = await transaction.unsafe<{ rows: number }[]>(`select count(*)::int as rows from ${qualifiedName(table)} where ${where}`, parameters);
        results.push({ table: label, action: 'keep', rows, reason: table.erase.reason });
      } else if (table.erase.action === 'delete') {
        const outcome = await transaction.unsafe(`delete from ${qualifiedName(table)} where ${where}`, parameters);
        results.push({ table: label, action: 'delete', rows: outcome.count });
      } else {
        const columns = live.get(`${table.schema}.${table.table}`);
        if (!columns) throw new Error(`table ${label} no longer exists in the source database`);
        const assignments = table.erase.columns.map((column) => {
          const described = columns.get(column);
          if (!described) throw new Error(`column ${column} no longer exists in ${label}`);
          return `${quoteIdentifier(column)} = ${described.isNullable ? 'null' : `'erased-' || gen_random_uuid()::text`}`;
        });
        const outcome = await transaction.unsafe(`update ${qualifiedName(table)} set ${assignments.join(', ')} where ${where}`, parameters);
        results.push({ table: label, action: 'anonymise', rows: outcome.count, columns: table.erase.columns });
      }
    }
    // Reported in the map's order, as the dry run is.
    return map.tables.map((table) => results.find((result) => result.table === tableLabel(table))!);
  });
}
