import { type SQL, sql } from 'drizzle-orm';

/**
 * A PostgreSQL array as one bind parameter (`{"a","b"}` cast to `type`). drizzle spreads a JavaScript array into
 * one parameter per element, which costs a placeholder each and fails past PostgreSQL's 65,535.
 */
export function arrayParameter(values: readonly (string | number | bigint)[], type: 'text[]' | 'bigint[]'): SQL {
  const literal = `{${values.map((value) => `"${String(value).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}`;
}
