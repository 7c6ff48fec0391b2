import { findMappedTable } from '@/lib/data-sources/map/subject-condition';
import type { LiveSchema, SqlDialect } from '@/lib/data-sources/map/sql-dialect';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { mysqlDialect } from '@/lib/data-sources/mysql/mysql-dialect';
import { postgresDialect } from '@/lib/data-sources/postgres/postgres-dialect';
import { AppError } from '@/lib/errors/app-error';
import type { TMapTable, TSourceMap } from '@/lib/validation/data-source';
import type { TAffectedCondition, TAffectedFilter } from '@/lib/validation/incident-affected';

export type DatabaseKind = 'postgres' | 'mysql';

/** What the affected-people SQL needs beyond a map's dialect: how values are bound and compared as text. */
type AffectedDialect = {
  map: SqlDialect;
  placeholder: (index: number) => string;
  asText: (column: string) => string;
  /** The column (as text) is one of a JSON array of texts bound at `placeholder`. */
  inJsonList: (column: string, placeholder: string) => string;
};

const dialects: Record<DatabaseKind, AffectedDialect> = {
  postgres: {
    map: postgresDialect,
    placeholder: (index) => `$${index + 1}`,
    asText: (column) => `${column}::text`,
    // The value is bound as text and cast here: bound as jsonb, the driver would encode the JSON text again, as a string.
    inJsonList: (column, placeholder) => `${column}::text in (select jsonb_array_elements_text(cast(${placeholder}::text as jsonb)))`,
  },
  mysql: {
    map: mysqlDialect,
    placeholder: (index) => `:value${index}`,
    asText: (column) => `cast(${column} as char)`,
    inJsonList: (column, placeholder) => `json_contains(${placeholder}, json_quote(cast(${column} as char)))`,
  },
};

/** A statement and its values: positional for PostgreSQL, named (value0, value1, …) for MySQL/MariaDB. */
export type BoundStatement = { text: string; values: string[] };

/** The statement's values as the kind's driver takes them. */
export function driverParameters(kind: DatabaseKind, values: string[]): string[] | Record<string, string> {
  return kind === 'postgres' ? values : Object.fromEntries(values.map((value, index) => [`value${index}`, value]));
}

/** The mapped table a filter names, or a refusal naming it. */
export function filteredTable(map: TSourceMap, filter: Pick<TAffectedFilter, 'table' | 'schema'>): TMapTable {
  const table = map.tables.find(
    (candidate) => candidate.table === filter.table && (filter.schema === undefined || (candidate.schema ?? 'public') === filter.schema),
  );
  if (!table) throw new AppError('VALIDATION', `${filter.table} is not a table in this system's map.`, { field: 'table' });
  return table;
}

/**
 * The table whose rows give each affected person's email: the filtered table itself or the one its
 * references lead up to, which must match people by email (an account identifier alone gives no address).
 */
export function emailTable(map: TSourceMap, table: TMapTable): TMapTable & { match: { equals: 'email' } } {
  let current = table;
  while ('references' in current.match) current = findMappedTable(map, current.match.references.table);
  if (!('equals' in current.match) || current.match.equals !== 'email')
    throw new AppError(
      'VALIDATION',
      `${tableLabel(table)} leads to people by account identifier (through ${tableLabel(current)}), not by email: the map cannot give their addresses.`,
      { field: 'table' },
    );
  return current as TMapTable & { match: { equals: 'email' } };
}

/**
 * The SELECT of affected people's lower-cased addresses (one column, `email`, possibly repeated),
 * for a filter checked against the map and the live schema. Every name comes from the map (its
 * tables, their references) or is a live column of the filtered table, quoted by the dialect;
 * every value the staff typed or uploaded is a bound parameter. Rows of a child table (orders)
 * lead to their people through the map's references, as a request's subject condition does
 * the other way.
 */
export function affectedEmailsSelect(kind: DatabaseKind, map: TSourceMap, live: LiveSchema, filter: TAffectedFilter): BoundStatement {
  const dialect = dialects[kind];
  const quote = dialect.map.quoteIdentifier;
  const table = filteredTable(map, filter);
  const root = emailTable(map, table);
  const columns = live.get(dialect.map.tableKey(table));
  if (!columns)
    throw new AppError('VALIDATION', `Table ${tableLabel(table)} does not exist in the source database now.`, { field: 'table' });
  const values: string[] = [];
  const bind = (value: string) => dialect.placeholder(values.push(value) - 1);
  const condition = (entry: TAffectedCondition) => {
    if (!columns.has(entry.column))
      throw new AppError('VALIDATION', `Column "${entry.column}" does not exist in ${tableLabel(table)}.`, { field: 'column' });
    const column = quote(entry.column);
    switch (entry.operator) {
      case 'is_empty':
        return `(${column} is null or ${dialect.asText(column)} = '')`;
      case 'is_not_empty':
        return `(${column} is not null and ${dialect.asText(column)} <> '')`;
      case 'in':
        return dialect.inJsonList(column, bind(JSON.stringify(entry.values)));
      default:
        return `${column} ${entry.operator} ${bind(entry.value)}`;
    }
  };
  let where = filter.conditions.map(condition).join(' and ');
  let current = table;
  // Up the references: the parent rows the filtered rows hang from, until the table that holds the email.
  while ('references' in current.match) {
    const parent = findMappedTable(map, current.match.references.table);
    where = `${quote(current.match.references.column)} in (select ${quote(current.match.column)} from ${dialect.map.qualifiedName(current)} where ${where})`;
    current = parent;
  }
  const email = `lower(${dialect.asText(quote(root.match.column))})`;
  return {
    text: `select ${email} as email from ${dialect.map.qualifiedName(root)} where ${where} and ${quote(root.match.column)} is not null`,
    values,
  };
}

/** How many different people the filter finds. */
export function countAffectedStatement(select: BoundStatement): BoundStatement {
  return { text: `select count(distinct email) as people from (${select.text}) affected`, values: select.values };
}

/** A few of their addresses, in order, for staff to check the filter picks whom they meant. */
export function sampleAffectedStatement(select: BoundStatement, size: number): BoundStatement {
  return { text: `select distinct email from (${select.text}) affected order by email limit ${Math.trunc(size)}`, values: select.values };
}

/** Every address once, for the run to read through a cursor. */
export function distinctAffectedStatement(select: BoundStatement): BoundStatement {
  return { text: `select distinct email from (${select.text}) affected`, values: select.values };
}
