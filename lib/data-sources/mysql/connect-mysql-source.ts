import { type Connection, createConnection } from 'mysql2';
import type { Connection as PromiseConnection } from 'mysql2/promise';

/** One connection to a MySQL/MariaDB source: `promise` for statements, `stream` for reading rows with backpressure. */
export type MysqlSource = { promise: PromiseConnection; connection: Connection };

/**
 * A short-lived connection for one source operation, as for PostgreSQL sources.
 * Values come out as the source has them: dates and big numbers as strings,
 * never re-parsed by us. A connection error with no statement waiting is
 * kept (not thrown from an event) and surfaces on the next statement.
 */
export async function withMysqlSource<T>(connectionString: string, work: (source: MysqlSource) => Promise<T>): Promise<T> {
  const connection = createConnection({
    uri: connectionString,
    connectTimeout: 10_000,
    namedPlaceholders: true,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
  });
  connection.on('error', () => {});
  const promise = connection.promise();
  try {
    await promise.connect();
    // An erasure plan's digest joins every key of a table's matching rows (mysqlDialect.aggregateKeys).
    await promise.query('set session group_concat_max_len = 4294967295');
    return await work({ promise, connection });
  } finally {
    await promise.end().catch(() => connection.destroy());
  }
}
