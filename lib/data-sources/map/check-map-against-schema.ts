import type { TSourceMap } from '@/lib/validation/data-source';
import { maskedColumns } from './masked-columns';
import { allProcessingFlagActions } from './processing-flag-actions';
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
    for (const [kind, column] of Object.entries(table.verification ?? {})) if (column) requireColumn(['verification', kind], column);
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
    const keyColumns = [...columns].filter(([, column]) => column.isPrimaryKey).map(([name]) => name);
    table.correctable?.forEach((column, position) => {
      const path = ['tables', index, 'correctable', position];
      const live = columns.get(column);
      if (!live) requireColumn(['correctable', position], column);
      else if (keyColumns.length === 0)
        issues.push({
          path,
          message: `Table ${key} has no primary key, so a correction cannot name one row: give it one or leave correctable out`,
        });
      else if (live.isPrimaryKey || column === table.match.column || live.isForeignKey)
        issues.push({ path, message: `"${column}" ties the row to the person or to other rows: it cannot be corrected here` });
      else if (!isScalarType(live.dataType))
        issues.push({ path, message: `"${column}" is of type ${live.dataType}, which a correction cannot write: choose a plain column` });
    });
    // Opt-outs, restriction and objection set columns the same way, so one check serves them all.
    for (const { path: actionPath, action } of allProcessingFlagActions(table)) {
      const path = ['tables', index, ...actionPath, 'column'];
      const live = columns.get(action.column);
      if (!live) {
        requireColumn([...actionPath, 'column'], action.column);
        continue;
      }
      if (live.isPrimaryKey || action.column === table.match.column || live.isForeignKey)
        issues.push({ path, message: `"${action.column}" ties the row to the person or to other rows: ${actionPath[0]} cannot set it` });
      else if (!isScalarType(live.dataType))
        issues.push({
          path,
          message: `"${action.column}" is of type ${live.dataType}, which ${actionPath[0]} cannot set: choose a plain column`,
        });
      else if (action.value === null && !live.isNullable)
        issues.push({ path: ['tables', index, ...actionPath, 'value'], message: `"${action.column}" does not allow null` });
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

/** Types a text value can be cast to and compared as text (not arrays, composite or user-defined types). */
export function isScalarType(dataType: string): boolean {
  return (
    /^[a-z][a-z0-9 ]*(\(\d+(,\d+)?\))?$/.test(dataType) && !['array', 'user-defined', 'json', 'jsonb', 'bytea', 'blob'].includes(dataType)
  );
}
