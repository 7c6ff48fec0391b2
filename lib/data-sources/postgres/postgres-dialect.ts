import type { SqlDialect } from '../map/sql-dialect';

/**
 * PostgreSQL's SQL for a map: double-quoted names, every table in a schema, and
 * three text parameters — $1 the email (lower-cased), $2 the account identifier (may be null),
 * $3 the named identities found so far as a JSON object of arrays ({"shop_customer_id": ["1001"]}).
 */
export const postgresDialect: SqlDialect = {
  label: 'PostgreSQL',
  quoteIdentifier,
  qualifiedName: (table) => `${quoteIdentifier(table.schema ?? 'public')}.${quoteIdentifier(table.table)}`,
  tableKey: (table) => `${table.schema ?? 'public'}.${table.table}`,
  equalsEmail: (column) => `lower(${column}::text) = $1`,
  equalsAccountIdentifier: (column) => `${column}::text = $2::text`,
  // The name is a checked identity name (lower-case letters, digits, underscores), so it is safe as a literal.
  equalsIdentity: (column, identity) => `${column}::text in (select jsonb_array_elements_text(coalesce($3::jsonb -> '${identity}', '[]')))`,
  collectDistinctText: (column) => `coalesce(jsonb_agg(distinct ${column}::text), '[]'::jsonb)::text`,
  // Unique, so unique constraints on e.g. email hold.
  anonymisedValue: (column) => (column.isNullable ? 'null' : `'erased-' || gen_random_uuid()::text`),
  extraParameter: (index) => `$${index + 4}`,
  keyedHash: (column, innerKey, outerKey) =>
    `encode(sha256(decode(${outerKey}, 'hex') || sha256(decode(${innerKey}, 'hex') || convert_to(${column}::text, 'UTF8'))), 'hex')`,
  // gen_random_uuid is built in (PostgreSQL 13+) and drawn from a strong source; 32 hex characters each.
  randomText: (length) =>
    `substr(${Array.from({ length: Math.ceil(length / 32) }, () => `replace(gen_random_uuid()::text, '-', '')`).join(' || ')}, 1, ${length})`,
  truncateToYear: (column) => `date_trunc('year', ${column})`,
  isHexText: (column) => `${column}::text ~ '^[0-9a-f]+$'`,
  rowKey: (columns) => `concat_ws('|', ${columns.map((column) => `${column}::text`).join(', ')})`,
  asText: (column) => `${column}::text`,
  castText: (parameter, column) => `cast(${parameter} as ${column.dataType})`,
  aggregateKeys: (rowKey) => `coalesce(string_agg(${rowKey}, ',' order by ${rowKey}), '')`,
};

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
