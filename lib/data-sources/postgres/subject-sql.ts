import type { Sql, TransactionSql } from 'postgres';
import type { TPostgresMap, TTableMap } from '@/lib/validation/data-source';

/**
 * SQL text for a mapped table's rows that belong to the subject. Names come only
 * from a map already checked against the live schema, and are quoted; the subject's
 * values are parameters: $1 is the email (lower-cased), $2 the account identifier (may be null).
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(table: Pick<TTableMap, 'schema' | 'table'>): string {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.table)}`;
}

export function findMappedTable(map: TPostgresMap, name: string): TTableMap {
  const table = map.tables.find((candidate) => candidate.table === name);
  if (!table) throw new Error(`table ${name} is not in the map`);
  return table;
}

/** The WHERE condition selecting the subject's rows of `table`, following references up to a table matched directly. */
export function subjectCondition(map: TPostgresMap, table: TTableMap): string {
  const match = table.match;
  const column = quoteIdentifier(match.column);
  if ('equals' in match) {
    // Emails compare case-insensitively; an account identifier exactly. A null $2 matches nothing.
    return match.equals === 'email' ? `lower(${column}::text) = $1` : `${column}::text = $2::text`;
  }
  const parent = findMappedTable(map, match.references.table);
  return `${column} in (select ${quoteIdentifier(match.references.column)} from ${qualifiedName(parent)} where ${subjectCondition(map, parent)})`;
}

/**
 * Typed as text: a condition that uses only one of them (a map matched by email alone)
 * leaves the other unreferenced, and PostgreSQL refuses an untyped parameter it cannot infer.
 */
export function subjectParameters(sql: Sql | TransactionSql, subject: { email: string; accountIdentifier: string | null }) {
  return [sql.typed(subject.email.trim().toLowerCase(), TEXT_OID), sql.typed(subject.accountIdentifier?.trim() || null, TEXT_OID)];
}

const TEXT_OID = 25;

/**
 * Tables in the order erasure must visit them: a table before the tables it references,
 * so a child's rows are found (through its parent) and removed before the parent
 * row they hang from is deleted or anonymised.
 */
export function erasureOrder(map: TPostgresMap): TTableMap[] {
  const depth = (table: TTableMap): number => ('references' in table.match ? 1 + depth(findMappedTable(map, table.match.references.table)) : 0);
  return [...map.tables].sort((left, right) => depth(right) - depth(left));
}
