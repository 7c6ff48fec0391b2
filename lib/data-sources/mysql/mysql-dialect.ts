import type { SqlDialect } from '../map/sql-dialect';

/**
 * MySQL/MariaDB's SQL for a map: back-quoted names, a table in the connection's
 * database unless the map names another, and named parameters (:email lower-cased,
 * :accountIdentifier possibly null, :identities the named identities as JSON) that mysql2 binds (namedPlaceholders).
 */
export const mysqlDialect: SqlDialect = {
  label: 'MySQL/MariaDB',
  quoteIdentifier,
  qualifiedName: (table) =>
    table.schema ? `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.table)}` : quoteIdentifier(table.table),
  tableKey: (table) => (table.schema ? `${table.schema}.${table.table}` : table.table),
  equalsEmail: (column) => `lower(${column}) = :email`,
  equalsAccountIdentifier: (column) => `cast(${column} as char) = :accountIdentifier`,
  // JSON_TABLE (MySQL 8, MariaDB 10.6+) unnests the identities' JSON parameter; the name is a checked identity name.
  // Both sides in one binary collation: the column's and JSON_TABLE's defaults may differ ("illegal mix of collations").
  equalsIdentity: (column, identity) =>
    `cast(${column} as char character set utf8mb4) collate utf8mb4_bin in (select identity_value collate utf8mb4_bin from json_table(:identities, '$.${identity}[*]' columns (identity_value varchar(255) character set utf8mb4 path '$')) as identity_values)`,
  collectDistinctText: (column) => `coalesce(json_arrayagg(distinct cast(${column} as char)), '[]')`,
  // Unique (a UUID's hex) and cut to the column's length, which MySQL's strict mode enforces.
  anonymisedValue: (column) =>
    column.isNullable
      ? 'null'
      : `substring(concat('erased-', replace(uuid(), '-', '')), 1, ${Math.max(1, Math.min(column.maxLength ?? 39, 39))})`,
  extraParameter: (index) => `:mask${index}`,
  keyedHash: (column, innerKey, outerKey) =>
    `sha2(concat(unhex(${outerKey}), unhex(sha2(concat(unhex(${innerKey}), ${column}), 256))), 256)`,
  // random_bytes (MySQL 5.6.17+, MariaDB 10.10+) is drawn from a strong source; 64 hex characters each.
  randomText: (length) =>
    `substring(concat(${Array.from({ length: Math.ceil(length / 64) }, () => 'sha2(random_bytes(32), 256)').join(', ')}), 1, ${length})`,
  truncateToYear: (column) => `makedate(year(${column}), 1)`,
  isHexText: (column) => `${column} regexp '^[0-9a-f]+$'`,
  rowKey: (columns) => `concat_ws('|', ${columns.join(', ')})`,
  asText: (column) => `cast(${column} as char)`,
  // MySQL converts a text to the column's type on assignment (and strict mode refuses one that does not fit).
  castText: (parameter) => parameter,
  // group_concat_max_len is raised for each connection (connect-mysql-source.ts), so no key is cut off.
  aggregateKeys: (rowKey) => `coalesce(group_concat(${rowKey} order by ${rowKey} separator ','), '')`,
};

export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** The subject as mysqlDialect's named parameters, with a statement's extra values (extraParameter). */
export function mysqlSubjectParameters(
  subject: { email: string; accountIdentifier: string | null; identities?: Record<string, string[]> },
  extras: string[] = [],
): Record<string, string | null> {
  return {
    email: subject.email.trim().toLowerCase(),
    accountIdentifier: subject.accountIdentifier?.trim() || null,
    identities: JSON.stringify(subject.identities ?? {}),
    ...Object.fromEntries(extras.map((value, index) => [`mask${index}`, value])),
  };
}
