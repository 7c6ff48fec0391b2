import type { Sql } from 'postgres';
import type { TPostgresMap } from '@/lib/validation/data-source';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import { qualifiedName, quoteIdentifier, subjectCondition, subjectParameters } from './subject-sql';
import type { Subject } from './stream-subject-rows';

/** No person has more than this many phone numbers or postcodes worth comparing; a cap keeps a huge order history cheap. */
const MAX_VALUES_PER_KIND = 500;

/**
 * The subject's values of each verification column the map names, by kind, read in one
 * read-only snapshot. Only ever compared with what the requester typed (lib/verification),
 * never stored, logged or shown.
 */
export async function readVerificationValues(sql: Sql, map: TPostgresMap, subject: Subject): Promise<Map<DataPointKind, string[]>> {
  const values = new Map<DataPointKind, string[]>();
  await sql.begin('isolation level repeatable read read only', async (transaction) => {
    for (const table of map.tables) {
      for (const [kind, column] of Object.entries(table.verification ?? {}) as [DataPointKind, string | undefined][]) {
        if (!column) continue;
        const query = `select distinct ${quoteIdentifier(column)}::text as value from ${qualifiedName(table)} where ${subjectCondition(map, table)} and ${quoteIdentifier(column)} is not null limit ${MAX_VALUES_PER_KIND}`;
        const rows = await transaction.unsafe<{ value: string }[]>(query, subjectParameters(transaction, subject));
        values.set(kind, [...(values.get(kind) ?? []), ...rows.map((row) => row.value)]);
      }
    }
  });
  return values;
}

/** The kinds of fact a map can check. */
export function verificationKindsOf(map: TPostgresMap): DataPointKind[] {
  return [...new Set(map.tables.flatMap((table) => Object.keys(table.verification ?? {}) as DataPointKind[]))];
}
