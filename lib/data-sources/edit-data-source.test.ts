import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dataSources } from '@/db/schema';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { TDataSourceSettings } from '@/lib/validation/data-source-form';
import { aPostgresSourceInput, aWebhookSourceInput, disableSources, listSourceEvents, readSourceRow } from '@/test/support/data-sources';
import { demoShopMap, useDemoShop } from '@/test/support/demo-shop';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createDataSource } from './create-data-source';
import { rotateSigningSecret } from './rotate-signing-secret';
import { setDataSourceEnabled } from './set-data-source-enabled';
import { updateDataSource } from './update-data-source';

const db = useTestDatabase();
const shop = useDemoShop();
const created: string[] = [];

afterAll(() => disableSources(db, created));

async function aSavedSource(admin: StaffActor, kind: 'postgres' | 'webhook' = 'postgres') {
  const input =
    kind === 'postgres' ? aPostgresSourceInput({ connectionString: shop.databaseUrl, map: demoShopMap }) : aWebhookSourceInput();
  const { signingSecret } = await createDataSource(db, { actor: admin, input });
  const row = await readSourceRow(db, { slug: input.slug });
  created.push(row.id);
  return { row, signingSecret };
}

function settingsOf(row: Awaited<ReturnType<typeof readSourceRow>>, overrides: Partial<TDataSourceSettings> = {}): TDataSourceSettings {
  return {
    name: row.name,
    usedForAccess: row.usedForAccess,
    usedForErasure: row.usedForErasure,
    config: row.config,
    connectionString: null,
    ...overrides,
  };
}

describe('[admin] edits a PostgreSQL source', () => {
  it('with the connection string left blank: keeps the saved one, checks the map with it, bumps the version and records what changed', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    const map = { tables: demoShopMap.tables.filter((table) => table.table !== 'support_tickets') };

    const { changes } = await updateDataSource(db, {
      actor: admin,
      slug: row.slug,
      version: 1,
      input: settingsOf(row, { name: 'Shop (no tickets)', usedForAccess: false, config: { kind: 'postgres', map } }),
    });

    const saved = await readSourceRow(db, { slug: row.slug });
    expect(changes).toEqual(['name', 'usedForAccess', 'config']);
    expect(saved).toMatchObject({
      name: 'Shop (no tickets)',
      usedForAccess: false,
      version: 2,
      secretCiphertext: row.secretCiphertext,
      secretUpdatedAt: row.secretUpdatedAt,
    });
    const events = await listSourceEvents(db, { sourceId: row.id });
    expect(events.map((event) => event.action)).toEqual(['data_source_created', 'data_source_updated']);
    expect(events[1]!.details).toEqual({
      sourceId: row.id,
      slug: row.slug,
      name: 'Shop (no tickets)',
      kind: 'postgres',
      changes: ['name', 'usedForAccess', 'config'],
    });
  });

  it('with a new connection string: stores it encrypted, records "secret" as changed and never the string', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    const sameServerNewSpelling = `${shop.databaseUrl}?application_name=dsr-desk-test`;

    await updateDataSource(db, {
      actor: admin,
      slug: row.slug,
      version: 1,
      input: settingsOf(row, { connectionString: sameServerNewSpelling }),
    });

    const saved = await readSourceRow(db, { slug: row.slug });
    expect(readSourceSecret(saved)).toBe(sameServerNewSpelling);
    expect(saved.secretUpdatedAt!.getTime()).toBeGreaterThan(row.secretUpdatedAt!.getTime());
    const [, updated] = await listSourceEvents(db, { sourceId: row.id });
    expect(updated!.details).toMatchObject({ changes: ['secret'] });
    expect(JSON.stringify(updated!.details)).not.toContain(sameServerNewSpelling);
  });

  it('refuses a map with a wrong name, with its path, and changes nothing', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    const map = {
      tables: demoShopMap.tables.map((table) => (table.table === 'addresses' ? { ...table, export: ['id', 'postcdoe'] } : table)),
    };

    const error = await refusal(
      updateDataSource(db, { actor: admin, slug: row.slug, version: 1, input: settingsOf(row, { config: { kind: 'postgres', map } }) }),
    );

    expect(error.details.fieldErrors).toEqual({ map: ['tables[1].export[1]: Column "postcdoe" does not exist in table public.addresses'] });
    expect(await readSourceRow(db, { slug: row.slug })).toEqual(row);
  });

  it('is refused with CONFLICT when someone saved since the page was read, and their change stands', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    await updateDataSource(db, { actor: admin, slug: row.slug, version: 1, input: settingsOf(row, { name: 'Renamed by a colleague' }) });

    const error = await refusal(
      updateDataSource(db, { actor: admin, slug: row.slug, version: 1, input: settingsOf(row, { name: 'My stale edit' }) }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(await readSourceRow(db, { slug: row.slug })).toMatchObject({ name: 'Renamed by a colleague', version: 2 });
  });

  it('reports a saved connection string that no longer decrypts (tampered or a changed key) on the connection-string field', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    const [version, iv, tag, ciphertext] = row.secretCiphertext!.split('.');
    const flipped = `${ciphertext![0] === 'A' ? 'B' : 'A'}${ciphertext!.slice(1)}`;
    await db
      .update(dataSources)
      .set({ secretCiphertext: [version, iv, tag, flipped].join('.') })
      .where(eq(dataSources.id, row.id));

    const tampered = await readSourceRow(db, { slug: row.slug });
    expect(() => readSourceSecret(tampered)).toThrow(/could not be decrypted/);
    const error = await refusal(updateDataSource(db, { actor: admin, slug: row.slug, version: 1, input: settingsOf(row) }));
    expect(error.details.fieldErrors).toEqual({
      connectionString: [expect.stringMatching(/could not be decrypted.*enter the secret again/)],
    });
  });
});

describe('[admin] switches a source off and on', () => {
  it('records data_source_enabled and data_source_disabled, each bumping the version', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin, 'webhook');

    await setDataSourceEnabled(db, { actor: admin, slug: row.slug, version: 1, isEnabled: true });
    await setDataSourceEnabled(db, { actor: admin, slug: row.slug, version: 2, isEnabled: false });

    expect(await readSourceRow(db, { slug: row.slug })).toMatchObject({ isEnabled: false, version: 3 });
    const events = await listSourceEvents(db, { sourceId: row.id });
    expect(events.map((event) => event.action)).toEqual(['data_source_created', 'data_source_enabled', 'data_source_disabled']);
    expect(events[1]!.details).toEqual({ sourceId: row.id, slug: row.slug, name: row.name, kind: 'webhook' });
    expect((await refusal(setDataSourceEnabled(db, { actor: admin, slug: row.slug, version: 2, isEnabled: true }))).code).toBe('CONFLICT');
  });
});

describe('[admin] rotates a webhook source’s signing secret', () => {
  it('gets a new secret once; the old one no longer decrypts from the row', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row, signingSecret } = await aSavedSource(admin, 'webhook');

    const rotated = await rotateSigningSecret(db, { actor: admin, slug: row.slug, version: 1 });

    expect(rotated.signingSecret).not.toBe(signingSecret);
    const saved = await readSourceRow(db, { slug: row.slug });
    expect(readSourceSecret(saved)).toBe(rotated.signingSecret);
    expect(saved.version).toBe(2);
    const events = await listSourceEvents(db, { sourceId: row.id });
    expect(events.at(-1)).toMatchObject({ action: 'data_source_updated', details: { changes: ['secret'] } });
    expect(JSON.stringify(events.map((event) => event.details))).not.toContain(rotated.signingSecret);
  });

  it('is refused for a PostgreSQL source, which has a connection string instead', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const { row } = await aSavedSource(admin);
    expect((await refusal(rotateSigningSecret(db, { actor: admin, slug: row.slug, version: 1 }))).code).toBe('VALIDATION');
  });
});

describe('[agent] and [auditor] may not change data sources', () => {
  for (const role of ['agent', 'auditor'] as const) {
    it(`[${role}] is refused editing, switching and rotating (FORBIDDEN); the source is unchanged`, async () => {
      const admin = await createStaffMember(db, { role: 'admin' });
      const actor = await createStaffMember(db, { role: role });
      const { row } = await aSavedSource(admin, 'webhook');

      for (const attempt of [
        updateDataSource(db, { actor, slug: row.slug, version: 1, input: settingsOf(row, { name: 'Hijacked' }) }),
        setDataSourceEnabled(db, { actor, slug: row.slug, version: 1, isEnabled: true }),
        rotateSigningSecret(db, { actor, slug: row.slug, version: 1 }),
      ]) {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
      }
      expect(await readSourceRow(db, { slug: row.slug })).toEqual(row);
    });
  }
});
