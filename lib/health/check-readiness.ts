import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ObjectStorage } from '@/lib/storage/object-storage';

export type Readiness = { isReady: boolean; checks: { database: 'ok' | 'failed'; storage: 'ok' | 'failed' } };

const CHECK_TIMEOUT_MS = 2000;
/** A key no file ever has: asking whether it exists proves the folder or bucket answers (and, for S3, that the credentials work). */
const PROBE_KEY = 'health/00000000-0000-0000-0000-000000000000';

/**
 * Whether this process can serve: the database answers a query and the storage answers a
 * lookup, each within 2 s. Failures are logged here and reported only by name, so the
 * endpoint tells a load balancer nothing about the internals.
 */
export async function checkReadiness(db: Database, storage: ObjectStorage): Promise<Readiness> {
  const [database, stored] = await Promise.all([
    withinTimeout('database', db.execute(sql`select 1`)),
    withinTimeout('storage', storage.exists(PROBE_KEY)),
  ]);
  return { isReady: database && stored, checks: { database: database ? 'ok' : 'failed', storage: stored ? 'ok' : 'failed' } };
}

async function withinTimeout(name: string, check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check,
      new Promise(
        (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
      ),
    ]);
    return true;
  } catch (error) {
    console.error(`readiness check failed: ${name}`, error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
