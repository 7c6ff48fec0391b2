import type { Parameter, Sql } from 'postgres';
import type { TPostgresMap, TTableMap } from '@/lib/validation/data-source';
import { subjectCondition as mapSubjectCondition } from '../map/subject-condition';
import { postgresDialect } from './postgres-dialect';

export { quoteIdentifier } from './postgres-dialect';
export { erasureOrder, findMappedTable } from '../map/subject-condition';

/**
 * SQL text for a mapped table's rows that belong to the subject, in PostgreSQL's
 * dialect (lib/data-sources/map holds the rules every database shares).
 */
export function qualifiedName(table: Pick<TTableMap, 'schema' | 'table'>): string {
  return postgresDialect.qualifiedName(table);
}

/** The WHERE condition selecting the subject's rows of `table`, following references up to a table matched directly. */
export function subjectCondition(map: TPostgresMap, table: TTableMap): string {
  return mapSubjectCondition(postgresDialect, map, table);
}

/**
 * Every parameter is typed as text: a table matched by email never mentions $2,
 * and PostgreSQL refuses an untyped parameter the query does not use
 * ("could not determine data type of parameter $2").
 */
export function subjectParameters(
  sql: Pick<Sql, 'typed'>,
  subject: { email: string; accountIdentifier: string | null; identities?: Record<string, string[]> },
): [Parameter<string>, Parameter<string | null>, Parameter<string>] {
  return [
    sql.typed(subject.email.trim().toLowerCase(), TEXT_OID),
    sql.typed(subject.accountIdentifier?.trim() || null, TEXT_OID),
    sql.typed(JSON.stringify(subject.identities ?? {}), TEXT_OID),
  ];
}

export const TEXT_OID = 25;
