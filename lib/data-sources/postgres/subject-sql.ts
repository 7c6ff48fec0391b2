import type { Parameter, Sql } from 'postgres';
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
 * Both parameters are typed as text: a table matched by email never mentions $2,
 * and PostgreSQL refuses an untyped parameter the query does not use
 * ("could not determine data type of parameter $2").
 */
export function subjectParameters(sql: Pick<Sql, 'typed'>, subject: { email: string; accountIdentifier: string | null }): [Parameter<string>, Parameter<string | null>] {
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
