import { count } from 'drizzle-orm';
import type { Database } from '../client';
import { staffMembers } from '../schema';

export const DEMO_ADMIN_EMAIL = 'admin@dsr-desk.localhost';

/**
 * The embedded-default start only: one admin so a newcomer can sign in (the
 * magic link lands in the local mail inbox). Skipped once any staff exists.
 */
export async function seedDemoAdmin(db: Database): Promise<void> {
  const [row] = await db.select({ total: count() }).from(staffMembers);
  if ((row?.total ?? 0) > 0) return;
  await db.insert(staffMembers).values({ email: DEMO_ADMIN_EMAIL, name: 'Demo Admin', role: 'admin' });
}
