import type { TSourceMap } from '@/lib/validation/data-source';
import type { LiveSchema, SqlDialect } from './sql-dialect';
import { erasureOrder, subjectCondition } from './subject-condition';
import { tableLabel } from './table-label';

export type TableErasurePlan = { table: string; action: 'delete' | 'anonymise' | 'keep'; rows: number; columns?: string[]; reason?: string };

/** Runs one statement with the subject's parameters bound, in the caller's transaction: a count's value, or the rows a change touched. */
export type StatementRunner = { count: (statement: string) => Promise<number>; change: (statement: string) => Promise<number> };

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep. Reads only. */
export async function countMappedTables(dialect: SqlDialect, map: TSourceMap, run: StatementRunner): Promise<TableErasurePlan[]> {
  const plans: TableErasurePlan[] = [];
  for (const table of map.tables) {
    const rows = await run.count(`select count(*) as row_count from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)}`);
    plans.push({
      table: tableLabel(table),
      action: table.erase.action,
      rows,
      ...(table.erase.action === 'anonymise' ? { columns: table.erase.columns } : {}),
      ...(table.erase.action === 'keep' ? { reason: table.erase.reason } : {}),
    });
  }
  return plans;
}

/**
 * Erases the subject's mapped rows, inside the caller's one transaction per source:
 * every table is done or none is, so a failure leaves the source as it was and
 * "Retry" starts clean. Tables are visited children first (erasureOrder), while the
 * parent rows that identify the subject still exist. Only rows matching the subject
 * condition are touched: other people's rows are never in a WHERE that could select them.
 */
export async function eraseMappedTables(dialect: SqlDialect, map: TSourceMap, live: LiveSchema, run: StatementRunner): Promise<TableErasurePlan[]> {
  const results: TableErasurePlan[] = [];
  for (const table of erasureOrder(map)) {
    const where = subjectCondition(dialect, map, table);
    const name = dialect.qualifiedName(table);
    const label = tableLabel(table);
    if (table.erase.action === 'keep') {
      results.push({ table: label, action: 'keep', rows: await run.count(`select count(*) as row_count from ${name} where ${where}`), reason: table.erase.reason });
    } else if (table.erase.action === 'delete') {
      results.push({ table: label, action: 'delete', rows: await run.change(`delete from ${name} where ${where}`) });
    } else {
      const columns = live.get(dialect.tableKey(table));
      if (!columns) throw new Error(`table ${label} no longer exists in the source database`);
      const assignments = table.erase.columns.map((column) => {
        const described = columns.get(column);
        if (!described) throw new Error(`column ${column} no longer exists in ${label}`);
        return `${dialect.quoteIdentifier(column)} = ${dialect.anonymisedValue(described)}`;
      });
      results.push({ table: label, action: 'anonymise', rows: await run.change(`update ${name} set ${assignments.join(', ')} where ${where}`), columns: table.erase.columns });
    }
  }
  // Reported in the map's order, as the dry run is.
  return map.tables.map((table) => results.find((result) => result.table === tableLabel(table))!);
}
