import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/**
 * Query parameters are requesters' emails, names and free text: they must never reach
 * a log, an error page's digest or a job's stored last_error. Drizzle builds every failed
 * query's error as "Failed query: <sql>\nparams: <values>", and PostgreSQL's own error
 * may quote a value (`invalid input syntax for type uuid: "…"`) or name it in its detail
 * (`Key (email)=(…) already exists`). Every query of every client goes through
 * PgPreparedQuery.queryWithCache, so its failures are rewritten here, once per process:
 * the SQL text (placeholders only) and PostgreSQL's code, constraint and table stay for
 * diagnosis; the values do not. postgres.js itself keeps `parameters` off its errors'
 * enumerable properties unless `debug` is on, which db/client.ts never sets.
 */
export class RedactedQueryError extends DrizzleQueryError {
  constructor(query: string, cause: unknown) {
    super(query, [], redactDatabaseError(cause));
    this.message = `Failed query: ${query}\nparams: (withheld)`;
    this.name = 'DrizzleQueryError';
  }
}

/** A quoted value at the end of a PostgreSQL message, as in `invalid input syntax for type uuid: "…"`. */
const QUOTED_VALUE_AT_END = /: "(?:[^"]|"")*"$/s;
/** Fields of a PostgreSQL error that may hold values; kept readable by code, left out of logs. */
const VALUE_FIELDS = ['detail', 'where', 'hint', 'internal_query', 'query', 'parameters', 'args'];

/** PostgreSQL's error with its message's quoted value cut and its value fields hidden from logs (code still reads them). */
class RedactedDatabaseError extends Error {
  constructor(original: Error) {
    super(original.message.replace(QUOTED_VALUE_AT_END, ': (value withheld)'));
    this.name = original.name;
    for (const [field, value] of Object.entries(original)) {
      Object.defineProperty(this, field, { value, enumerable: !VALUE_FIELDS.includes(field), writable: true, configurable: true });
    }
  }
}

function redactDatabaseError(cause: unknown): Error | undefined {
  if (!(cause instanceof Error)) return undefined;
  // postgres.js makes `stack` (whose first line repeats the message) read-only, so the error is copied, not changed.
  return cause instanceof RedactedDatabaseError ? cause : new RedactedDatabaseError(cause);
}

const PATCHED = Symbol.for('dsr-desk.redact-query-errors');

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

export function redactQueryErrors(): void {
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function queryWithRedactedErrors(queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      if (error instanceof RedactedQueryError) throw error;
      if (error instanceof DrizzleQueryError) throw new RedactedQueryError(error.query, error.cause);
      throw error;
    }
  };
  prototype[PATCHED] = true;
}
