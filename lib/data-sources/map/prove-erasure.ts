import type { ErasureProof } from '@/db/schema';
import type { TSourceMap } from '@/lib/validation/data-source';
import { liveColumn, type StatementRunner } from './mapped-table-sql';
import { type ColumnMask, maskedColumns } from './masked-columns';
import type { LiveSchema, SqlDialect } from './sql-dialect';
import { subjectCondition } from './subject-condition';
import { tableLabel } from './table-label';

/**
 * After an erasure is committed: the source queried again with the same identities.
 * Proven when no table still has rows for the person, or (anonymised tables) only rows
 * whose masked columns hold masked values; kept tables are reported as kept. Anything
 * else (a trigger that put a row back, a mask that did not take) is what `stillFound` names.
 */
export async function proveErasure(
  dialect: SqlDialect,
  map: TSourceMap,
  live: LiveSchema,
  run: StatementRunner,
  now = new Date(),
): Promise<ErasureProof> {
  const tables: ErasureProof['tables'] = {};
  for (const table of map.tables) {
    const name = dialect.qualifiedName(table);
    const where = subjectCondition(dialect, map, table);
    const isKept = table.erase.action === 'keep';
    if (table.erase.action !== 'anonymise') {
      const row = await run.first(`select count(*) as row_count from ${name} where ${where}`);
      tables[tableLabel(table)] = { remaining: Number(row.row_count), masked: 0, isKept };
      continue;
    }
    const extras: string[] = [];
    const bind = (value: string) => dialect.extraParameter(extras.push(value) - 1);
    const holds = maskedColumns(table.erase).map((mask) =>
      maskHolds(dialect, mask, liveColumn(dialect, live, table, mask.column).isNullable, bind),
    );
    const row = await run.first(
      `select count(*) as row_count, coalesce(sum(case when ${holds.join(' and ')} then 1 else 0 end), 0) as masked from ${name} where ${where}`,
      extras,
    );
    tables[tableLabel(table)] = { remaining: Number(row.row_count), masked: Number(row.masked), isKept: false };
  }
  const isProven = Object.values(tables).every((table) => table.isKept || table.remaining === table.masked);
  return { checkedAt: now.toISOString(), isProven, tables };
}

/** What the re-query still found, in words: "support_tickets: 1 row not erased". */
export function stillFound(proof: ErasureProof): string {
  return Object.entries(proof.tables)
    .filter(([, table]) => !table.isKept && table.remaining !== table.masked)
    .map(([name, table]) => `${name}: ${table.remaining - table.masked} row${table.remaining - table.masked === 1 ? '' : 's'} not erased`)
    .join('; ');
}

/** A condition true where the column holds what its mask writes. */
function maskHolds(dialect: SqlDialect, { column, strategy }: ColumnMask, isNullable: boolean, bind: (value: string) => string): string {
  const quoted = dialect.quoteIdentifier(column);
  if (strategy === 'placeholder') return isNullable ? `${quoted} is null` : `${quoted} like 'erased-%'`;
  if (typeof strategy === 'object') return `${quoted} = ${bind(strategy.fixed)}`;
  switch (strategy) {
    case 'null':
      return `${quoted} is null`;
    case 'random':
    case 'hash':
      return `coalesce(${dialect.isHexText(quoted)}, false)`;
    case 'year':
      return `coalesce(${quoted} = ${dialect.truncateToYear(quoted)}, false)`;
  }
}
