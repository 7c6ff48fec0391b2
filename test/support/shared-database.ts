import type { Sql } from 'postgres';
import { getDb } from '@/db/client';

/**
 * Closes the process-wide client that getDb() opened (used by the route and the
 * job task list), so a test file leaves no open pool behind.
 */
export async function closeSharedDatabase(): Promise<void> {
  const holder = globalThis as unknown as { dsrDeskDatabase?: { $client: Sql } };
  const database = holder.dsrDeskDatabase;
  if (!database) return;
  holder.dsrDeskDatabase = undefined;
  await database.$client.end({ timeout: 5 });
}

export { getDb };
