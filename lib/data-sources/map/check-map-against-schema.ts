import type { TSourceMap } from '@/lib/validation/data-source';
import { maskedColumns } from './masked-columns';
import { maskProblem } from './mask-problem';
import type { LiveSchema, SqlDialect } from './sql-dialect';

export type MapIssue = { path: (string | number)[]; message: string };

/**
 * Every table and column a map names must exist in the source database, and every
 * masked column must take its mask without breaking a live constraint (maskProblem),
 * so a wrong name or strategy is caught when the map is saved, not in the middle of an erasure.
 * `live` is keyed by the dialect's tableKey.
 */
export function checkMapAgainstSchema(map: TSourceMap, live: LiveSchema, dialect: Pick<SqlDialect, 'tableKey'>): MapIssue[] {
  const issues: MapIssue[] = [];
  map.tables.forEach((table, index) => {
    const key = dialect.tableKey(table);
    const columns = live.get(key);
    if (!columns) {
      issues.push({
        path: ['tables', index, 'table'],
        message: `Table ${key} does not exist in the source database (or this connection may not see it)`,
      });
      return;
    }
    const requireColumn = (path: (string | number)[], column: string) => {
      if (!columns.has(column))
        issues.push({ path: ['tables', index, ...path], message: `Column "${column}" does not exist in table ${key}` });
    };
    requireColumn(['match', 'column'], table.match.column);
    table.export.forEach((column, position) => {
      requireColumn(['export', position], column);
    });
    const match = table.match;
    if ('references' in match) {
      const parent = map.tables.find((candidate) => candidate.table === match.references.table);
      const parentColumns = parent ? live.get(dialect.tableKey(parent)) : undefined;
      if (parent && parentColumns && !parentColumns.has(match.references.column)) {
        issues.push({
          path: ['tables', index, 'match', 'references', 'column'],
          message: `Column "${match.references.column}" does not exist in table ${dialect.tableKey(parent)}`,
        });
      }
    }
    if (table.erase.action === 'anonymise') {
      const isList = Array.isArray(table.erase.columns);
      maskedColumns(table.erase).forEach((mask, position) => {
        const path = ['erase', 'columns', isList ? position : mask.column];
        const live = columns.get(mask.column);
        if (!live) {
          requireColumn(path, mask.column);
          return;
        }
        const problem = maskProblem(mask, live, key);
        if (problem) issues.push({ path: ['tables', index, ...path], message: problem });
      });
    }
  });
  (map.yields ?? []).forEach((entry, index) => {
    const table = map.tables.find((candidate) => candidate.table === entry.table);
    const columns = table ? live.get(dialect.tableKey(table)) : undefined;
    if (columns && !columns.has(entry.column))
      issues.push({
        path: ['yields', index, 'column'],
        message: `Column "${entry.column}" does not exist in table ${dialect.tableKey(table!)}`,
      });
  });
  return issues;
}
