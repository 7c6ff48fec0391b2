import type { Sql } from 'postgres';

/**
 * The postgres.js client as drizzle should use it: every statement prepared (named, once per connection).
 * drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js sends an
 * unnamed statement with parameters in two round trips (Parse and Describe, wait for the types, then Bind and
 * Execute), parsed and planned by PostgreSQL each time. A prepared one is parsed once per connection and sent
 * in one round trip from then on: the intake's nine statements, each email's three, every page's queries.
 * `?prepare=false` in DATABASE_URL still turns it off (postgres.js reads it), for a pooler in transaction mode
 * that cannot keep named statements.
 */
export function withPreparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          // @ts-expect-error -- postgres.js's overloads do not accept a spread of its own parameter types
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      // A transaction's and a savepoint's client are new objects: they prepare as well.
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (scoped: Sql) => unknown;
          const open = Reflect.get(target, property) as (...a: unknown[]) => unknown;
          return open.call(target, ...args.slice(0, -1), (scoped: Sql) => callback(withPreparedStatements(scoped)));
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
