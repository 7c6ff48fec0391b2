import net from 'node:net';
import { type Connection, createConnection } from 'mysql2';
import { assertPublicLiteral, publicOnlyLookup } from '@/lib/network/public-only-lookup';
import { withoutConnectionSecrets } from '../describe-connection-failure';
import type { SourceNetworkOptions } from '../postgres/connect-source';
import type { Connection as PromiseConnection } from 'mysql2/promise';

/** One connection to a MySQL/MariaDB source: `promise` for statements, `stream` for reading rows with backpressure. */
export type MysqlSource = { promise: PromiseConnection; connection: Connection };

/**
 * A short-lived connection for one source operation, as for PostgreSQL sources.
 * Values come out as the source has them: dates and big numbers as strings,
 * never re-parsed by us. A connection error with no statement waiting is
 * kept (not thrown from an event) and surfaces on the next statement.
 * Unless private targets are allowed, the socket is opened here with a lookup that refuses
 * private addresses at connection time (as for PostgreSQL sources), and a Unix socket counts as local.
 */
export async function withMysqlSource<T>(
  connectionString: string,
  { allowPrivateTargets }: SourceNetworkOptions,
  work: (source: MysqlSource) => Promise<T>,
): Promise<T> {
  try {
    return await runWithMysqlSource(connectionString, { allowPrivateTargets }, work);
  } catch (error) {
    // What the driver throws (a bad URI echoes it whole) never carries the connection's password.
    throw withoutConnectionSecrets(connectionString, error);
  }
}

async function runWithMysqlSource<T>(
  connectionString: string,
  { allowPrivateTargets }: SourceNetworkOptions,
  work: (source: MysqlSource) => Promise<T>,
): Promise<T> {
  const connection = createConnection({
    ...(allowPrivateTargets ? {} : { stream: publicOnlyStream }),
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

/** mysql2 calls this instead of opening its own socket. */
function publicOnlyStream({ config }: { config: { host?: string; port?: number; socketPath?: string } }): net.Socket {
  const host = config.host ?? 'localhost';
  if (config.socketPath) assertPublicLiteral('127.0.0.1');
  assertPublicLiteral(host);
  return net.connect({ host, port: config.port ?? 3306, lookup: publicOnlyLookup });
}
