import { createHash, randomBytes } from 'node:crypto';
import type { TSourceMap } from '@/lib/validation/data-source';
import { type ColumnMask, maskedColumns } from './masked-columns';
import type { LiveColumn, LiveSchema, SqlDialect } from './sql-dialect';
import { erasureOrder, subjectCondition } from './subject-condition';
import { tableLabel } from './table-label';

export type TableErasurePlan = { table: string; action: 'delete' | 'anonymise' | 'keep'; rows: number; columns?: string[]; reason?: string };

/**
 * Runs one statement with the subject's parameters bound, in the caller's transaction: a count's
 * value, or the rows a change touched. `extras` are text values after the subject's (dialect.extraParameter).
 */
export type StatementRunner = { count: (statement: string) => Promise<number>; change: (statement: string, extras?: string[]) => Promise<number> };

/** The dry run: per table, how many of the subject's rows erasure would delete, anonymise or keep. Reads only. */
export async function countMappedTables(dialect: SqlDialect, map: TSourceMap, run: StatementRunner): Promise<TableErasurePlan[]> {
  const plans: TableErasurePlan[] = [];
  for (const table of map.tables) {
    const rows = await run.count(`select count(*) as row_count from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)}`);
    plans.push({
      table: tableLabel(table),
      action: table.erase.action,
      rows,
      ...(table.erase.action === 'anonymise' ? { columns: maskedColumns(table.erase).map((mask) => mask.column) } : {}),
      ...(table.erase.action === 'keep' ? { reason: table.erase.reason } : {}),
    });
  }
  return plans;
}

/** `hashKey`: the keyed hash's key; a new random one for each erasure unless a test fixes it. */
export type EraseOptions = { hashKey?: Buffer };

/**
 * Erases the subject's mapped rows, inside the caller's one transaction per source:
 * every table is done or none is, so a failure leaves the source as it was and
 * "Retry" starts clean. Tables are visited children first (erasureOrder), while the
 * parent rows that identify the subject still exist. Only rows matching the subject
 * condition are touched: other people's rows are never in a WHERE that could select them.
 */
export async function eraseMappedTables(dialect: SqlDialect, map: TSourceMap, live: LiveSchema, run: StatementRunner, { hashKey = randomBytes(32) }: EraseOptions = {}): Promise<TableErasurePlan[]> {
  // The keyed hash's key lives only for this erasure: equal values hash alike within it, and nobody can link them back afterwards.
  const hmacKeys = hmacPadKeys(hashKey);
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
      const extras: string[] = [];
      const bind = (value: string) => dialect.extraParameter(extras.push(value) - 1);
      const masks = maskedColumns(table.erase);
      const assignments = masks.map((mask) => {
        const described = columns.get(mask.column);
        if (!described) throw new Error(`column ${mask.column} no longer exists in ${label}`);
        return `${dialect.quoteIdentifier(mask.column)} = ${maskValue(dialect, mask, described, { bind, hmacKeys })}`;
      });
      const rows = await run.change(`update ${name} set ${assignments.join(', ')} where ${where}`, extras);
      results.push({ table: label, action: 'anonymise', rows, columns: masks.map((mask) => mask.column) });
    }
  }
  // Reported in the map's order, as the dry run is.
  return map.tables.map((table) => results.find((result) => result.table === tableLabel(table))!);
}

type HmacKeys = { inner: string; outer: string };

/** HMAC's key XORed with its inner and outer pads (RFC 2104, SHA-256's 64-byte block), in hex: the database does the two hashes. */
export function hmacPadKeys(key: Buffer): HmacKeys {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  return { inner: Buffer.from(block.map((byte) => byte ^ 0x36)).toString('hex'), outer: Buffer.from(block.map((byte) => byte ^ 0x5c)).toString('hex') };
}

/** The SQL a masked column is set to. Values (a fixed text, the hash keys) are bound, never written into the SQL. */
function maskValue(dialect: SqlDialect, { column, strategy }: ColumnMask, live: LiveColumn, { bind, hmacKeys }: { bind: (value: string) => string; hmacKeys: HmacKeys }): string {
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
