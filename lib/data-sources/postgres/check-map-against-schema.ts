import type { TPostgresMap } from '@/lib/validation/data-source';
import type { LiveSchema } from './read-live-schema';

export type MapIssue = { path: (string | number)[]; message: string };

/**
 * Every table and column a map names must exist in the source database, and
 * every anonymised column must accept NULL or text (the placeholder), so a wrong
 * name is caught when the map is saved, not in the middle of an erasure.
 */
export function checkMapAgainstSchema(map: TPostgresMap, live: LiveSchema): MapIssue[] {
  const issues: MapIssue[] = [];
  map.tables.forEach((table, index) => {
    const key = `${table.schema}.${table.table}`;
    const columns = live.get(key);
    if (!columns) {
      issues.push({ path: ['tables', index, 'table'], message: `Table ${key} does not exist in the source database (or this connection may not see it)` });
      return;
    }
    const requireColumn = (path: (string | number)[], column: string) => {
      if (!columns.has(column)) issues.push({ path: ['tables', index, ...path], message: `Column "${column}" does not exist in table ${key}` });
    };
    requireColumn(['match', 'column'], table.match.column);
    table.export.forEach((column, position) => {
      requireColumn(['export', position], column);
    });
    const match = table.match;
    if ('references' in match) {
      const parent = map.tables.find((candidate) => candidate.table === match.references.table);
      const parentColumns = parent ? live.get(`${parent.schema}.${parent.table}`) : undefined;
      if (parent && parentColumns && !parentColumns.has(match.references.column)) {
        issues.push({ path: ['tables', index, 'match', 'references', 'column'], message: `Column "${match.references.column}" does not exist in table ${parent.schema}.${parent.table}` });
      }
    }
    if (table.erase.action === 'anonymise') {
      table.erase.columns.forEach((column, position) => {
        const live = columns.get(column);
        if (!live) {
          requireColumn(['erase', 'columns', position], column);
          return;
        }
        if (!live.isNullable && !live.isTextual) {
          issues.push({
            path: ['tables', index, 'erase', 'columns', position],
            message: `Column "${column}" in ${key} is NOT NULL and not text (${live.dataType}): it cannot be anonymised; delete the rows or keep it`,
          });
        }
      });
    }
  });
  return issues;
}
