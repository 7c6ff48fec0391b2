/**
 * Errors that mean "the database cannot be reached right now" rather than "this query is
 * wrong": refused or cut connections, connect timeouts, and a server that is shutting down,
 * starting up or in recovery. drizzle wraps the driver's error, so the cause chain is walked.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs `work` again while the database is unavailable, with backoff up to `giveUpAfterMs`.
 * For writes whose outcome the caller knows and must not lose (an email the SMTP server
 * accepted is "sent" even if the database restarted meanwhile).
 */
export async function retryWhileDatabaseUnavailable<T>(
  work: () => Promise<T>,
  { giveUpAfterMs = 5 * 60_000 }: { giveUpAfterMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}
