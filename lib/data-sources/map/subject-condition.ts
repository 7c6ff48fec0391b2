import type { TMapTable, TSourceMap } from '@/lib/validation/data-source';
import type { SqlDialect } from './sql-dialect';

export function findMappedTable<Table extends TMapTable>(map: { tables: Table[] }, name: string): Table {
  const table = map.tables.find((candidate) => candidate.table === name);
  if (!table) throw new Error(`table ${name} is not in the map`);
  return table;
}

/**
 * The WHERE condition selecting the subject's rows of `table`, following references
 * up to a table matched directly. Names come only from a map already checked against
 * the live schema, quoted by the dialect; the subject's values are the dialect's parameters.
 */
export function subjectCondition(dialect: SqlDialect, map: TSourceMap, table: TMapTable): string {
  const match = table.match;
  const column = dialect.quoteIdentifier(match.column);
  if ('equals' in match) return match.equals === 'email' ? dialect.equalsEmail(column) : dialect.equalsAccountIdentifier(column);
  if ('identity' in match) return dialect.equalsIdentity(column, match.identity);
  const parent = findMappedTable(map, match.references.table);
  return `${column} in (select ${dialect.quoteIdentifier(match.references.column)} from ${dialect.qualifiedName(parent)} where ${subjectCondition(dialect, map, parent)})`;
}

/** The identity a table's rows are found by: its own match, or the match of the table it hangs from. */
export function matchedBy(map: TSourceMap, table: TMapTable): string {
  const match = table.match;
  if ('equals' in match) return match.equals;
  if ('identity' in match) return match.identity;
  return matchedBy(map, findMappedTable(map, match.references.table));
}

/**
 * Tables in the order erasure must visit them: a table before the tables it references,
 * so a child's rows are found (through its parent) and removed before the parent
 * row they hang from is deleted or anonymised.
 */
export function erasureOrder<Table extends TMapTable>(map: { tables: Table[] }): Table[] {
  const depth = (table: Table): number => ('references' in table.match ? 1 + depth(findMappedTable(map, table.match.references.table)) : 0);
  return [...map.tables].sort((left, right) => depth(right) - depth(left));
}
