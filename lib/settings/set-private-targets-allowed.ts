import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { findSavedNetworkSettings, getNetworkSettings, NETWORK_SETTINGS_KEY } from './get-network-settings';

/**
 * The one switch for private network addresses: whether data sources (webhook URLs, database
 * hosts), event webhooks and OpenDSR status callbacks may reach loopback, private or
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
 * A first start that needs private targets (the embedded demo's shop on this machine, or an install
 * upgraded with the retired ALLOW_PRIVATE_WEBHOOK_URLS=true): they are allowed, audited with the
 * reason, unless an admin already decided either way. Returns whether it turned the setting on.
 */
export async function allowPrivateTargetsOnFirstStart(db: Database, { reason }: { reason: string }): Promise<boolean> {
  if (await findSavedNetworkSettings(db)) return false;
  await saveNetworkSettings(db, { actor: { type: 'system' }, allowed: true, reason });
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
