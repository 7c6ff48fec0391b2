import type { Sql } from 'postgres';
import type { ErasureProof } from '@/db/schema';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { type EraseOptions, eraseMappedTables, type TableErasurePlan } from '../map/mapped-table-sql';
import { proveErasure } from '../map/prove-erasure';
import { postgresDialect } from './postgres-dialect';
import { postgresStatementRunner } from './postgres-statement-runner';
import { readLiveSchema } from './read-live-schema';
import type { Subject } from './stream-subject-rows';

/**
 * Erases the subject from one PostgreSQL source in one transaction (see eraseMappedTables
 * for the plan check, the order and the rows touched), then queries it again for the proof.
 */
export async function eraseSubjectRows(
  sql: Sql,
  map: TPostgresMap,
  subject: Subject,
  options: EraseOptions = {},
): Promise<{ plans: TableErasurePlan[]; proof: ErasureProof }> {
  const live = await readLiveSchema(sql, map.tables);
  const plans = await sql.begin(async (transaction) =>
    eraseMappedTables(postgresDialect, map, live, postgresStatementRunner(transaction, subject), options),
  );
  return { plans, proof: await proveErasure(postgresDialect, map, live, postgresStatementRunner(sql, subject)) };
}
