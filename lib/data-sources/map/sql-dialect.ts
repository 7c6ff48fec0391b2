import type { TMapTable } from '@/lib/validation/data-source';

/**
 * What differs between the SQL databases a map can describe. Everything else about a
 * map (how rows belong to the subject, the order erasure visits tables, the check
 * against the live schema) is shared in lib/data-sources/map.
 */
export type SqlDialect = {
  /** Names the admin sees in messages: "PostgreSQL", "MySQL/MariaDB". */
  label: string;
  quoteIdentifier: (name: string) => string;
  qualifiedName: (table: Pick<TMapTable, 'schema' | 'table'>) => string;
  /** Where the live schema keeps a mapped table: the key of LiveSchema, also how messages name it. */
  tableKey: (table: Pick<TMapTable, 'schema' | 'table'>) => string;
  /** A quoted column equal to the subject's email, compared case-insensitively. */
  equalsEmail: (column: string) => string;
  /** A quoted column equal to the subject's account identifier, compared as text; a null identifier matches nothing. */
  equalsAccountIdentifier: (column: string) => string;
  /** A quoted column equal (as text) to one of the subject's values of a named identity; no values match nothing. */
  equalsIdentity: (column: string, identity: string) => string;
  /** Every distinct non-null value of a quoted column as text, in one JSON array (for the identities a source yields). */
  collectDistinctText: (column: string) => string;
  /** What an anonymised column is set to: NULL, or a unique placeholder where NULL is not allowed. */
  anonymisedValue: (column: LiveColumn) => string;
  /** The placeholder of the statement's `index`th value after the subject's (a fixed text, a hash key). */
  extraParameter: (index: number) => string;
  /** A column's HMAC-SHA256 in hex, from the key already XORed with HMAC's inner and outer pads (hex parameters). */
  keyedHash: (column: string, innerKey: string, outerKey: string) => string;
  /** A random text of `length` characters, new for each row. */
  randomText: (length: number) => string;
  /** A date or timestamp cut to the first day of its year. */
  truncateToYear: (column: string) => string;
  /** True where a column holds lower-case hex only (what "random" and "hash" write). */
  isHexText: (column: string) => string;
  /** One text per row from its key columns, and every row's key joined in a fixed order (for the plan's digest). */
  rowKey: (columns: string[]) => string;
  aggregateKeys: (rowKey: string) => string;
  /** A column's value as text: how a row's key is matched and a corrected value shown. */
  asText: (column: string) => string;
  /** A text parameter written into a column of the live type (`dataType` checked plain by isScalarType). */
  castText: (parameter: string, column: LiveColumn) => string;
};

/**
 * A column of a mapped table as the database has it now, with the constraints a mask
 * could break: in the primary key or a unique index, a foreign key to another table,
 * or referenced by another table's foreign key.
 */
export type LiveColumn = {
  dataType: string;
  isNullable: boolean;
  isTextual: boolean;
  isDate?: boolean;
  maxLength?: number | null;
  isPrimaryKey?: boolean;
  isUnique?: boolean;
  isForeignKey?: boolean;
  isReferenced?: boolean;
};

export type ColumnConstraint = { key: string; column: string; kind: 'primary' | 'unique' | 'foreign' | 'referenced' };

/** Marks each constraint on its live column (constraints on columns the schema does not list are ignored). */
export function applyConstraints(live: LiveSchema, constraints: ColumnConstraint[]): void {
  for (const { key, column, kind } of constraints) {
    const described = live.get(key)?.get(column);
    if (!described) continue;
    if (kind === 'primary') Object.assign(described, { isPrimaryKey: true, isUnique: true });
    else if (kind === 'unique') described.isUnique = true;
    else if (kind === 'foreign') described.isForeignKey = true;
    else described.isReferenced = true;
  }
}

/** The live schema's columns of the mapped tables, by tableKey then by column name. */
export type LiveSchema = Map<string, Map<string, LiveColumn>>;
