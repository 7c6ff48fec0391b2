import type { TSourceMap } from '@/lib/validation/data-source';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import type { StatementRunner } from './mapped-table-sql';
import type { SqlDialect } from './sql-dialect';
import { subjectCondition } from './subject-condition';

/** No person has more than this many phone numbers or postcodes worth comparing; a cap keeps a huge order history cheap. */
const MAX_VALUES_PER_KIND = 500;

/**
 * The subject's values of each verification column the map names, by kind, in whatever
 * database the dialect speaks; the caller runs it in one read-only snapshot. Only ever
 * compared with what the requester typed (lib/verification), never stored, logged or shown.
 */
export async function readVerificationValues(
  dialect: SqlDialect,
  map: TSourceMap,
  run: StatementRunner,
): Promise<Map<DataPointKind, string[]>> {
  const values = new Map<DataPointKind, string[]>();
  for (const table of map.tables) {
    for (const [kind, name] of Object.entries(table.verification ?? {}) as [DataPointKind, string | undefined][]) {
      if (!name) continue;
      const column = dialect.quoteIdentifier(name);
      const rows = await run.all(
        `select distinct ${dialect.asText(column)} as value from ${dialect.qualifiedName(table)} where ${subjectCondition(dialect, map, table)} and ${column} is not null limit ${MAX_VALUES_PER_KIND}`,
      );
      values.set(kind, [...(values.get(kind) ?? []), ...rows.map((row) => String(row.value))]);
    }
  }
  return values;
}

/** The kinds of fact a map can check. */
export function verificationKindsOf(map: TSourceMap): DataPointKind[] {
  return [...new Set(map.tables.flatMap((table) => Object.keys(table.verification ?? {}) as DataPointKind[]))];
}
