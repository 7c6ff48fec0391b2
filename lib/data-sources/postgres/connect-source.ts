import postgres, { type Sql } from 'postgres';

/**
 * A short-lived client for one source operation. One connection is enough (a run
 * reads tables one after another); timeouts keep a stuck source from holding a worker.
 */
export function connectSource(connectionString: string): Sql {
  return postgres(connectionString, {
    max: 1,
    connect_timeout: 10,
    idle_timeout: 5,
    onnotice: () => {},
    // Source rows go out as they are: dates as ISO strings, big numbers as strings, never re-parsed by us.
    types: {},
    connection: { application_name: 'dsr-desk', statement_timeout: 300_000 },
  });
}

/** Runs `work` with a client, always closing it. */
export async function withSource<T>(connectionString: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connectSource(connectionString);
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
