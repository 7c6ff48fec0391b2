import postgres from 'postgres';

export type DatabaseProbe = { isAvailable(): boolean; stop(): Promise<void> };

const HEALTHY_INTERVAL_MS = 2_000;
const DOWN_INTERVAL_MS = 500;

/**
 * Asks the database `select 1` every few seconds on its own connection (connect
 * timeout 2 s), so the web process knows within about two seconds that the database
 * is gone and answers 503 at once instead of letting every request fail or wait.
 * Starts optimistic: the app was started against a working database.
 */
export function startDatabaseProbe(databaseUrl: string): DatabaseProbe {
  const client = postgres(databaseUrl, { max: 1, connect_timeout: 2, idle_timeout: 0, onnotice: () => {} });
  let isAvailable = true;
  let isStopped = false;
  let timer: NodeJS.Timeout;

  const check = async () => {
    const wasAvailable = isAvailable;
    try {
      await Promise.race([client`select 1`, new Promise((_, reject) => setTimeout(() => reject(new Error('probe timed out')), 3_000))]);
      isAvailable = true;
    } catch {
      isAvailable = false;
    }
    if (wasAvailable !== isAvailable)
      console.log(`[web] database ${isAvailable ? 'reachable again' : 'unreachable: answering 503 until it is back'}`);
    if (!isStopped) timer = setTimeout(check, isAvailable ? HEALTHY_INTERVAL_MS : DOWN_INTERVAL_MS);
  };
  timer = setTimeout(check, HEALTHY_INTERVAL_MS);

  return {
    isAvailable: () => isAvailable,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await client.end({ timeout: 1 });
    },
  };
}
