import type { Sql, TransactionSql } from 'postgres';
import type { TPostgresMap, TTableMap } from '@/lib/validation/data-source';
import { qualifiedName, quoteIdentifier, subjectCondition, subjectParameters } from './subject-sql';

/** Who is searched for: the request's email and account id, and the named identities earlier sources yielded (identity-chain.ts). */
export type Subject = { email: string; accountIdentifier: string | null; identities?: Record<string, string[]> };
export type SourceRow = Record<string, unknown>;

/**
 * The subject's rows of one table, in batches read through a server-side cursor:
 * memory stays bounded whatever the row count (a customer with 200,000 orders).
 * Call it inside a read-only repeatable-read transaction when the same rows are
 * read twice (the JSON and the CSV of a package), so both passes see one snapshot.
 */
export async function* streamSubjectRows(
  sql: Sql | TransactionSql,
  map: TPostgresMap,
  table: TTableMap,
  subject: Subject,
  batchSize = 1000,
): AsyncGenerator<SourceRow[]> {
  const columns = table.export.map(quoteIdentifier).join(', ');
  const query = `select ${columns} from ${qualifiedName(table)} where ${subjectCondition(map, table)}`;
  // Each batch as postgres.js made it (plain row objects, a fresh array per batch): no per-row copy.
  yield* sql.unsafe<SourceRow[]>(query, subjectParameters(sql, subject)).cursor(batchSize);
}
