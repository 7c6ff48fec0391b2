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
  /** What an anonymised column is set to: NULL, or a unique placeholder where NULL is not allowed. */
  anonymisedValue: (column: LiveColumn) => string;
};

/** The live schema's columns of the mapped tables, by tableKey then by column name. */
export type LiveColumn = { dataType: string; isNullable: boolean; isTextual: boolean; maxLength?: number | null };
export type LiveSchema = Map<string, Map<string, LiveColumn>>;
