import { and, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { requestEvents, settings } from '@/db/schema';
import { env } from '@/lib/env';
import { getNetworkSettings, NETWORK_SETTINGS_KEY } from '@/lib/settings/get-network-settings';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { prepareDataSources } from '@/scripts/prepare-data-sources';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
afterAll(() => closeSharedDatabase());

async function startWithRetiredVariable() {
  const lines: string[] = [];
  await prepareDataSources({
    databaseUrl: env().DATABASE_URL,
    hasLegacyPrivateTargetsVariable: true,
    variables: {},
    log: (line) => lines.push(line),
  });
  return lines;
}

async function lastSettingsEvent() {
  const [event] = await db
    .select()
    .from(requestEvents)
    .where(and(isNull(requestEvents.requestId), eq(requestEvents.action, 'settings_changed')))
    .orderBy(desc(requestEvents.id))
    .limit(1);
  return event;
}

describe('[operator] the retired ALLOW_PRIVATE_WEBHOOK_URLS variable', () => {
  it('is read leniently: true or 1 is set, anything else is not, and no value stops the app starting', () => {
    setEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: 'true' });
    expect(env().ALLOW_PRIVATE_WEBHOOK_URLS).toBe(true);
    setEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: 'yes please' });
    expect(env().ALLOW_PRIVATE_WEBHOOK_URLS).toBe(false);
  });

  it('turns the one admin setting on at start when no admin has decided, audited with the reason', async () => {
    await db.delete(settings).where(eq(settings.key, NETWORK_SETTINGS_KEY));

    const lines = await startWithRetiredVariable();

    expect(await getNetworkSettings(db)).toEqual({ allowPrivateTargets: true });
    expect((await lastSettingsEvent())?.details).toMatchObject({
      key: NETWORK_SETTINGS_KEY,
      after: { allowPrivateTargets: true },
      reason: 'ALLOW_PRIVATE_WEBHOOK_URLS=true was set',
    });
    expect(lines.join('\n')).toMatch(/ALLOW_PRIVATE_WEBHOOK_URLS is retired: private network addresses are now allowed/);
  });

  it('changes nothing once an admin has decided: the setting is the one switch', async () => {
    await setPrivateTargetsAllowed(db, { actor: await createStaffMember(db, { role: 'admin' }), allowed: false });
    const before = await lastSettingsEvent();

    const lines = await startWithRetiredVariable();

    expect(await getNetworkSettings(db)).toEqual({ allowPrivateTargets: false });
    expect((await lastSettingsEvent())?.id).toBe(before?.id);
    expect(lines.join('\n')).toMatch(/an admin already decided, so it changes nothing/);
  });
});
