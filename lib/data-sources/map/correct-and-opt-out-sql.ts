import { AppError } from '@/lib/errors/app-error';
import type { ProcessingFlagType, TMapTable, TSourceMap } from '@/lib/validation/data-source';
import type { StatementRunner } from './mapped-table-sql';
import { processingFlagActions } from './processing-flag-actions';
import type { LiveSchema, SqlDialect } from './sql-dialect';
import { subjectCondition } from './subject-condition';
import { tableLabel } from './table-label';

/** A row of the subject's that an agent may correct: its primary key and its correctable columns, as text. */
export type CorrectableRow = { key: Record<string, string>; values: Record<string, string | null> };
export type CorrectableTable = { table: string; label: string; columns: string[]; rows: CorrectableRow[] };

/** Enough rows to pick from on a request page; a person with more is corrected by another route. */
const MAX_ROWS_PER_TABLE = 50;

/** Every mapped table with correctable columns, with the subject's rows in key order (at most MAX_ROWS_PER_TABLE each). */
export async function readCorrectableRows(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
): Promise<CorrectableTable[]> {
  const tables: CorrectableTable[] = [];
  for (const table of map.tables) {
    if (!table.correctable) continue;
    const keys = primaryKey(dialect, table, live);
    const selected = [...keys, ...table.correctable].map(
      (column) => `${dialect.asText(dialect.quoteIdentifier(column))} as ${dialect.quoteIdentifier(column)}`,
    );
    const rows = await run.all(
      `select ${selected.join(', ')} from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)} order by ${keys.map(dialect.quoteIdentifier).join(', ')} limit ${MAX_ROWS_PER_TABLE}`,
    );
    tables.push({
      table: table.table,
      label: tableLabel(table),
      columns: table.correctable,
      rows: rows.map((row) => ({
        key: Object.fromEntries(keys.map((column) => [column, String(row[column])])),
        values: Object.fromEntries(table.correctable!.map((column) => [column, row[column] === null ? null : String(row[column])])),
      })),
    });
  }
  return tables;
}

export type CorrectionTarget = { table: string; key: Record<string, string>; column: string };

/**
 * Reads (and, with `newValue`, changes) one correctable column of one of the subject's rows,
 * in the caller's transaction on the source. Every name comes from the map, checked against the
 * live schema when it was saved and again here (the table is mapped, the column correctable,
 * the key exactly the primary key); values are parameters. The row is locked while it is
 * compared with what the agent saw (`expectedOldValue`), so a change in between is refused,
 * not overwritten. The subject condition stays in the WHERE: a key naming someone else's row
 * finds nothing.
 */
export async function correctSubjectRow(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  { target, change }: { target: CorrectionTarget; change?: { newValue: string; expectedOldValue: string | null } },
): Promise<{ oldValue: string | null; newValue: string | null; label: string }> {
  const table = map.tables.find((candidate) => candidate.table === target.table);
  if (!table?.correctable)
    throw new AppError('VALIDATION', 'That table has no correctable columns in this source’s map.', { field: 'table' });
  if (!table.correctable.includes(target.column))
    throw new AppError('VALIDATION', `"${target.column}" is not a correctable column of ${tableLabel(table)}.`, { field: 'column' });
  const keys = primaryKey(dialect, table, live);
  const given = Object.keys(target.key).sort();
  if (given.length !== keys.length || ![...keys].sort().every((column, index) => column === given[index]))
    throw new AppError('VALIDATION', 'Choose a row from the list.', { field: 'row' });

  const keyValues = keys.map((column) => target.key[column]!);
  const where = [
    subjectCondition(dialect, map, table),
    ...keys.map((column, index) => `${dialect.asText(dialect.quoteIdentifier(column))} = ${dialect.extraParameter(index)}`),
  ].join(' and ');
  const name = dialect.qualifiedName(table);
  const column = dialect.quoteIdentifier(target.column);
  const read = `select ${dialect.asText(column)} as cell from ${name} where ${where}`;
  const rows = await run.all(change ? `${read} for update` : read, keyValues);
  if (rows.length !== 1) throw new AppError('NOT_FOUND', 'That row is no longer there for this person. Reload the page.');
  const oldValue = rows[0]!.cell === null ? null : String(rows[0]!.cell);
  if (!change) return { oldValue, newValue: null, label: tableLabel(table) };

  if (oldValue !== change.expectedOldValue)
    throw new AppError('CONFLICT', 'The value changed since you previewed it. Preview again before applying.');
  const liveColumn = live.get(dialect.tableKey(table))!.get(target.column)!;
  const changed = await run.change(
    `update ${name} set ${column} = ${dialect.castText(dialect.extraParameter(keys.length), liveColumn)} where ${where}`,
    [...keyValues, change.newValue],
  );
  if (changed !== 1) throw new AppError('CONFLICT', 'The row changed while it was being corrected. Nothing was written; try again.');
  const [after] = await run.all(read, keyValues);
  return { oldValue, newValue: after!.cell === null ? null : String(after!.cell), label: tableLabel(table) };
}

/**
 * Applies one processing flag (an opt-out, a restriction, an objection) to the subject's rows of every
 * table whose map names columns for it: sets each column to its value (written as the column's type),
 * in the caller's transaction. Setting a flag already set changes nothing, so a retried run is harmless.
 * Returns the rows matched per table.
 */
export async function applySubjectProcessingFlag(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  type: ProcessingFlagType,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of map.tables) {
    const actions = processingFlagActions(table, type).map(({ action }) => action);
    if (actions.length === 0) continue;
    const assignments: string[] = [];
    const values: string[] = [];
    for (const action of actions) {
      const liveColumn = live.get(dialect.tableKey(table))?.get(action.column);
      if (!liveColumn) throw new Error(`Column "${action.column}" no longer exists in ${dialect.tableKey(table)}: update the map.`);
      const value = action.value === null ? null : typeof action.value === 'boolean' ? (action.value ? '1' : '0') : String(action.value);
      const target = value === null ? 'null' : dialect.castText(dialect.extraParameter(values.length), liveColumn);
      if (value !== null) values.push(value);
      assignments.push(`${dialect.quoteIdentifier(action.column)} = ${target}`);
    }
    counts[tableLabel(table)] = await run.change(
      `update ${dialect.qualifiedName(table)} set ${assignments.join(', ')} where ${subjectCondition(dialect, map, table)}`,
      values,
    );
  }
  return counts;
}

/** Whether a map sets anything for this request type: a source without an action is left out of its run. */
export function hasProcessingFlagAction(map: TSourceMap, type: ProcessingFlagType): boolean {
  return map.tables.some((table) => processingFlagActions(table, type).length > 0);
}

function primaryKey(dialect: SqlDialect, table: TMapTable, live: LiveSchema): string[] {
  const columns = live.get(dialect.tableKey(table));
  const keys = columns ? [...columns].filter(([, column]) => column.isPrimaryKey).map(([name]) => name) : [];
  if (keys.length === 0)
    throw new AppError('VALIDATION', `Table ${tableLabel(table)} has no primary key, so no single row can be corrected.`);
  return keys;
}
