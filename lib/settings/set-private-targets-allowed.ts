import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { findSavedNetworkSettings, getNetworkSettings, NETWORK_SETTINGS_KEY } from './get-network-settings';

/**
 * Whether data sources (webhook URLs, PostgreSQL hosts) may be loopback, private or
 * link-local addresses. Off by default: a source URL is an admin's input that the
 * worker then calls, and an internal address there reaches what the internet
 * cannot (SSRF). An install whose own systems live on a private network turns it on
 * deliberately; the change is audited.
 */
export async function setPrivateTargetsAllowed(db: Database, { actor, allowed }: { actor: StaffActor; allowed: boolean }): Promise<void> {
  assertCan(actor, 'settings.manage');
  await saveNetworkSettings(db, { actor: { type: 'staff', staffId: actor.staffId }, allowed });
}

/**
 * The embedded demo's first start: its shop database is on this machine, so private
 * targets are allowed, unless an admin already decided either way.
 */
export async function allowPrivateTargetsForDemo(db: Database): Promise<boolean> {
  if (await findSavedNetworkSettings(db)) return false;
  await saveNetworkSettings(db, { actor: { type: 'system' }, allowed: true, reason: 'the demo shop database runs on this machine' });
  return true;
}

async function saveNetworkSettings(
  db: Database,
  { actor, allowed, reason }: { actor: Actor; allowed: boolean; reason?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getNetworkSettings(tx);
    const after = { allowPrivateTargets: allowed };
    await tx
      .insert(settings)
      .values({ key: NETWORK_SETTINGS_KEY, value: after })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: new Date() } });
    await recordEvent(tx, {
      requestId: null,
      actor,
      action: 'settings_changed',
      details: { key: NETWORK_SETTINGS_KEY, before, after, ...(reason ? { reason } : {}) },
    });
  });
}
