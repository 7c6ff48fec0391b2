import net from 'node:net';
import postgres, { type Sql } from 'postgres';
import { assertPublicLiteral, publicOnlyLookup } from '@/lib/network/public-only-lookup';
import { withoutConnectionSecrets } from '../describe-connection-failure';

export type SourceNetworkOptions = {
  /** The admin setting (Settings → Data sources); off, a host that is or resolves to a private address is refused. */
  allowPrivateTargets: boolean;
};

/**
 * A short-lived client for one source operation. One connection is enough (a run
 * reads tables one after another); timeouts keep a stuck source from holding a worker.
 * Unless private targets are allowed, the socket is opened here with a lookup that
 * refuses private addresses (checked at connection time, so DNS rebinding gains
 * nothing), and a Unix socket path counts as local.
 */
export function connectSource(connectionString: string, { allowPrivateTargets }: SourceNetworkOptions): Sql {
  return postgres(connectionString, {
    max: 1,
    connect_timeout: 10,
    idle_timeout: 5,
    onnotice: () => {},
    // Source rows go out as they are: dates as ISO strings, big numbers as strings, never re-parsed by us.
    types: {},
    connection: { application_name: 'dsr-desk', statement_timeout: 300_000 },
    ...(allowPrivateTargets ? {} : { socket: publicOnlySocket }),
  });
}

/** postgres.js calls this for each connection instead of opening its own socket; writes wait until it connects. */
function publicOnlySocket(options: { host: string[]; port: number[]; path?: string | false }): net.Socket {
  const host = options.host[0] ?? 'localhost';
  if (options.path || host.startsWith('/')) assertPublicLiteral('127.0.0.1');
  assertPublicLiteral(host);
  return net.connect({ host, port: options.port[0] ?? 5432, lookup: publicOnlyLookup });
}

/** Runs `work` with a client, always closing it; what it throws never carries the connection's password. */
export async function withSource<T>(connectionString: string, network: SourceNetworkOptions, work: (sql: Sql) => Promise<T>): Promise<T> {
  let sql: Sql;
  try {
    sql = connectSource(connectionString, network);
  } catch (error) {
    throw withoutConnectionSecrets(connectionString, error);
  }
  try {
    return await work(sql);
  } catch (error) {
    throw withoutConnectionSecrets(connectionString, error);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
