import { createHash, randomBytes } from 'node:crypto';
import type { ErasurePlan } from '@/db/schema';
import type { TMapTable, TSourceMap } from '@/lib/validation/data-source';
import { type ColumnMask, maskedColumns } from './masked-columns';
import type { LiveColumn, LiveSchema, SqlDialect } from './sql-dialect';
import { erasureOrder, subjectCondition } from './subject-condition';
import { tableLabel } from './table-label';

export type TableErasurePlan = {
  table: string;
  action: 'delete' | 'anonymise' | 'keep';
  rows: number;
  columns?: string[];
  reason?: string;
};

/**
 * Runs one statement with the subject's parameters bound, in the caller's transaction:
 * the first row of a query, or the rows a change touched. `extras` are text values
 * after the subject's (dialect.extraParameter).
 */
export type StatementRunner = {
  first: (statement: string, extras?: string[]) => Promise<Record<string, unknown>>;
  all: (statement: string, extras?: string[]) => Promise<Record<string, unknown>[]>;
  change: (statement: string, extras?: string[]) => Promise<number>;
};

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep, and the plan erasure must find unchanged. Reads only. */
export async function countMappedTables(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  { planKey }: { planKey: Buffer },
): Promise<{ plans: TableErasurePlan[]; plan: ErasurePlan }> {
  const plan = await readPlan(dialect, map, live, run, planKey);
  const plans = map.tables.map(
    (table): TableErasurePlan => ({
      table: tableLabel(table),
      action: table.erase.action,
      rows: plan[tableLabel(table)]!.rows,
      ...(table.erase.action === 'anonymise' ? { columns: maskedColumns(table.erase).map((mask) => mask.column) } : {}),
      ...(table.erase.action === 'keep' ? { reason: table.erase.reason } : {}),
    }),
  );
  return { plans, plan };
}

/**
 * Per table: the subject's rows and an HMAC (under `planKey`, the request's own) of their keys
 * in order — the primary key, or the exported columns of a table without one. A new row, a
 * row gone or a row changed hands all change it; the keys themselves are never stored.
 */
async function readPlan(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  planKey: Buffer,
): Promise<ErasurePlan> {
  const keys = hmacPadKeys(planKey);
  const plan: ErasurePlan = {};
  for (const table of map.tables) {
    const rowKey = dialect.rowKey(keyColumns(dialect, table, live).map(dialect.quoteIdentifier));
    const digest = dialect.keyedHash(dialect.aggregateKeys(rowKey), dialect.extraParameter(0), dialect.extraParameter(1));
    const row = await run.first(
      `select count(*) as row_count, ${digest} as key_digest from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)}`,
      [keys.inner, keys.outer],
    );
    plan[tableLabel(table)] = { rows: Number(row.row_count), keyDigest: row.key_digest === null ? null : String(row.key_digest) };
  }
  return plan;
}

function keyColumns(dialect: SqlDialect, table: TMapTable, live: LiveSchema): string[] {
  const columns = live.get(dialect.tableKey(table));
  const primary = columns ? [...columns].filter(([, column]) => column.isPrimaryKey).map(([name]) => name) : [];
  return primary.length > 0 ? primary : table.export;
}

/** Thrown when the data changed since the dry run: the erasure stops before touching anything. */
export class PlanDriftError extends Error {}

/** `hashKey`: the keyed hash's key; a new random one for each erasure unless a test fixes it. `expected`: the dry run's plan, checked first. */
export type EraseOptions = { hashKey?: Buffer; expected?: { plan: ErasurePlan; planKey: Buffer } };

/**
 * Erases the subject's mapped rows, inside the caller's one transaction per source:
 * every table is done or none is, so a failure leaves the source as it was and
 * "Retry" starts clean. With the dry run's plan, the rows are first checked against
 * it: if any table gained, lost or changed rows since, nothing is erased (PlanDriftError
 * names the difference), since nobody reviewed that erasure. Tables are visited children
 * first (erasureOrder), while the parent rows that identify the subject still exist. Only
 * rows matching the subject condition are touched: other people's rows are never in a
 * WHERE that could select them.
 */
export async function eraseMappedTables(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  { hashKey = randomBytes(32), expected }: EraseOptions = {},
): Promise<TableErasurePlan[]> {
  if (expected) {
    const differences = planDifferences(expected.plan, await readPlan(dialect, map, live, run, expected.planKey));
    if (differences.length > 0)
      throw new PlanDriftError(
        `The data changed since the dry run, so nothing was erased: ${differences.join('; ')}. Run a new dry run and review it.`,
      );
  }
  // The keyed hash's key lives only for this erasure: equal values hash alike within it, and nobody can link them back afterwards.
  const hmacKeys = hmacPadKeys(hashKey);
  const results: TableErasurePlan[] = [];
  for (const table of erasureOrder(map)) {
    const where = subjectCondition(dialect, map, table);
    const name = dialect.qualifiedName(table);
    const label = tableLabel(table);
    if (table.erase.action === 'keep') {
      const row = await run.first(`select count(*) as row_count from ${name} where ${where}`);
      results.push({ table: label, action: 'keep', rows: Number(row.row_count), reason: table.erase.reason });
    } else if (table.erase.action === 'delete') {
      results.push({ table: label, action: 'delete', rows: await run.change(`delete from ${name} where ${where}`) });
    } else {
      const extras: string[] = [];
      const bind = (value: string) => dialect.extraParameter(extras.push(value) - 1);
      const masks = maskedColumns(table.erase);
      const assignments = masks.map(
        (mask) =>
          `${dialect.quoteIdentifier(mask.column)} = ${maskValue(dialect, mask, liveColumn(dialect, live, table, mask.column), { bind, hmacKeys })}`,
      );
      const rows = await run.change(`update ${name} set ${assignments.join(', ')} where ${where}`, extras);
      results.push({ table: label, action: 'anonymise', rows, columns: masks.map((mask) => mask.column) });
    }
  }
  // Reported in the map's order, as the dry run is.
  return map.tables.map((table) => results.find((result) => result.table === tableLabel(table))!);
}

/** "orders: 3 rows in the dry run, 4 now", or the same count with other rows. */
export function planDifferences(before: ErasurePlan, now: ErasurePlan): string[] {
  return Object.entries(now).flatMap(([table, current]) => {
    const planned = before[table];
    if (!planned) return [`${table}: not in the dry run`];
    if (planned.rows !== current.rows) return [`${table}: ${rowsText(planned.rows)} in the dry run, ${rowsText(current.rows)} now`];
    return planned.keyDigest === current.keyDigest ? [] : [`${table}: ${rowsText(current.rows)} as in the dry run, but not the same rows`];
  });
}

const rowsText = (rows: number) => `${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'}`;

export function liveColumn(dialect: SqlDialect, live: LiveSchema, table: TMapTable, column: string): LiveColumn {
  const described = live.get(dialect.tableKey(table))?.get(column);
  if (!described) throw new Error(`column ${column} no longer exists in ${tableLabel(table)}`);
  return described;
}

type HmacKeys = { inner: string; outer: string };

/** HMAC's key XORed with its inner and outer pads (RFC 2104, SHA-256's 64-byte block), in hex: the database does the two hashes. */
export function hmacPadKeys(key: Buffer): HmacKeys {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  return {
    inner: Buffer.from(block.map((byte) => byte ^ 0x36)).toString('hex'),
    outer: Buffer.from(block.map((byte) => byte ^ 0x5c)).toString('hex'),
  };
}

/** The SQL a masked column is set to. Values (a fixed text, the hash keys) are bound, never written into the SQL. */
function maskValue(
  dialect: SqlDialect,
  { column, strategy }: ColumnMask,
  live: LiveColumn,
  { bind, hmacKeys }: { bind: (value: string) => string; hmacKeys: HmacKeys },
): string {
  const quoted = dialect.quoteIdentifier(column);
  if (strategy === 'placeholder') return dialect.anonymisedValue(live);
  if (typeof strategy === 'object') return bind(strategy.fixed);
  switch (strategy) {
    case 'null':
      return 'null';
    case 'random':
      return dialect.randomText(Math.min(live.maxLength ?? 32, 255));
    case 'hash':
      return dialect.keyedHash(quoted, bind(hmacKeys.inner), bind(hmacKeys.outer));
    case 'year':
      return dialect.truncateToYear(quoted);
  }
}
