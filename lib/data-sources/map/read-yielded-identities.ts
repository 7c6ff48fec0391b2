import type { TSourceMap } from '@/lib/validation/data-source';
import type { StatementRunner } from './mapped-table-sql';
import type { SqlDialect } from './sql-dialect';
import { findMappedTable, subjectCondition } from './subject-condition';

/** A person with more values than this (customer numbers, phones) is not plausible; the rest are not followed. */
const MAX_VALUES_PER_IDENTITY = 1000;

/**
 * The identities the subject's rows in this source yield for the sources searched after it
 * (the map's `yields`): e.g. the shop's customers.id of the customers matching the email, as
 * shop_customer_id. Read before an erasure touches the rows, so the sources that depend on
 * this one are still searched with what it held.
 */
export async function readYieldedIdentities(dialect: SqlDialect, map: TSourceMap, run: StatementRunner): Promise<Record<string, string[]>> {
  const identities: Record<string, string[]> = {};
  for (const entry of map.yields ?? []) {
    const table = findMappedTable(map, entry.table);
    const column = dialect.quoteIdentifier(entry.column);
    const row = await run.first(
      `select ${dialect.collectDistinctText(column)} as found from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)} and ${column} is not null`,
    );
    const found = (typeof row.found === 'string' ? JSON.parse(row.found) : (row.found ?? [])) as string[];
    identities[entry.identity] = [...new Set([...(identities[entry.identity] ?? []), ...found.map(String)])]
      .sort()
      .slice(0, MAX_VALUES_PER_IDENTITY);
  }
  return identities;
}
