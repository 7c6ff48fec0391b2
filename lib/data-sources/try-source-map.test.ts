import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEvents } from '@/db/schema';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZCreateDataSourceForm, ZTrySourceMapForm, ZUpdateDataSourceForm } from '@/lib/validation/data-source-form';
import { createShopSource, demoShopMap, insertShopCustomer, uniqueShopEmail, useDemoShop } from '@/test/support/demo-shop';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { trySourceMap } from './try-source-map';

const db = useTestDatabase();
const shop = useDemoShop();
const team: Record<'admin' | 'agent' | 'auditor', StaffActor> = useStaffTeam(db);

/** The add/edit form as the browser posts it. */
function form(fields: Record<string, string>) {
  return {
    kind: 'postgres',
    name: 'Shop (tried)',
    usedForAccess: 'on',
    usedForErasure: 'on',
    connectionString: shop.databaseUrl,
    map: JSON.stringify(demoShopMap),
    ...fields,
  };
}

async function allowLocalDatabases() {
  await setPrivateTargetsAllowed(db, { actor: team.admin, allowed: true });
}

describe('[admin] tries a database source before saving it', () => {
  it('Test connection answers for a good map and names a misspelt column with its place, saving nothing', async () => {
    await allowLocalDatabases();
    let listed: string[] = [];
    const tested = await trySourceMap(db, {
      actor: team.admin,
      input: ZTrySourceMapForm.parse(form({ intent: 'test' })),
      onCatalog: (catalog) => {
        listed = catalog.tables.map((table) => table.table);
      },
    });
    expect(tested).toEqual({ intent: 'test' });
    expect(listed).toEqual(expect.arrayContaining(['customers', 'orders', 'addresses']));

    const misspelt = JSON.parse(JSON.stringify(demoShopMap)) as typeof demoShopMap;
    misspelt.tables[2]!.export = [...misspelt.tables[2]!.export, 'totl'];
    let listedForBadMap = 0;
    const refused = trySourceMap(db, {
      actor: team.admin,
      input: ZTrySourceMapForm.parse(form({ intent: 'test', map: JSON.stringify(misspelt) })),
      onCatalog: (catalog) => {
        listedForBadMap = catalog.tables.length;
      },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The map does not match the source database.',
      details: { fieldErrors: { map: [expect.stringMatching(/^tables\[2\]\.export\[\d+\]: Column "totl" does not exist/)] } },
    });
    // The picker still gets the tables, to fix the map with.
    expect(listedForBadMap).toBeGreaterThan(0);
  });

  it('a wrong connection string is named on its field without the password', async () => {
    await allowLocalDatabases();
    const wrong = shop.databaseUrl
      .replace(/\/[^/?]+(\?|$)/, '/no_such_database_here$1')
      .replace('postgres://', 'postgres://postgres:hunter2@');
    const refused = trySourceMap(db, {
      actor: team.admin,
      input: ZTrySourceMapForm.parse(form({ intent: 'test', connectionString: wrong })),
    });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { connectionString: [expect.any(String)] } },
    });
    const error = await refused.catch((caught: unknown) => caught);
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('Preview on a saved source with the connection string left blank reads with the saved one, and audits the look without the address', async () => {
    await allowLocalDatabases();
    const saved = await createShopSource(db, { databaseUrl: shop.databaseUrl });
    const email = uniqueShopEmail('try');
    await insertShopCustomer(shop.sql, { email, fullName: 'Tried Person', orders: 2, addresses: 1 });

    const input = ZTrySourceMapForm.parse(
      form({ intent: 'preview', previewEmail: email, connectionString: '', slug: saved.slug, version: String(saved.version) }),
    );
    const result = await trySourceMap(db, { actor: team.admin, input });

    expect(result.intent).toBe('preview');
    const tables = result.intent === 'preview' ? result.tables : [];
    expect(tables.find((table) => table.table === 'customers')?.rows).toEqual([
      expect.objectContaining({ email, full_name: 'Tried Person' }),
    ]);
    expect(tables.find((table) => table.table === 'orders')?.rows).toHaveLength(2);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.action, 'data_source_previewed'));
    expect(events.some((event) => JSON.stringify(event.details).includes(email))).toBe(false);
  });

  it('a new source needs its connection string; a preview needs an address', () => {
    const blank = ZTrySourceMapForm.safeParse(form({ intent: 'test', connectionString: '' }));
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((issue) => issue.path.join('.'))).toContain('connectionString');
    const noAddress = ZTrySourceMapForm.safeParse(form({ intent: 'preview', previewEmail: '' }));
    expect(noAddress.error?.issues).toEqual([
      expect.objectContaining({ path: ['previewEmail'], message: 'Enter the email address to preview' }),
    ]);
    const notAnAddress = ZTrySourceMapForm.safeParse(form({ intent: 'preview', previewEmail: 'ada at example' }));
    expect(notAnAddress.error?.issues[0]?.path).toEqual(['previewEmail']);
    const webhook = ZTrySourceMapForm.safeParse({ ...form({ intent: 'test' }), kind: 'webhook', url: 'https://hooks.example.com/x' });
    expect(webhook.error?.issues.map((issue) => issue.message)).toContain('Only database sources can be tried before saving');
  });

  it('without the pressed button (no script), an address typed means a preview, none a test', () => {
    expect(ZTrySourceMapForm.parse(form({ previewEmail: 'ada@example.com' }))).toMatchObject({
      intent: 'preview',
      email: 'ada@example.com',
    });
    expect(ZTrySourceMapForm.parse(form({ intent: '' }))).toMatchObject({ intent: 'test', email: null });
  });

  it('saving ignores the address typed for a preview', () => {
    expect(ZCreateDataSourceForm.safeParse(form({ previewEmail: 'someone@example.com', intent: 'test' })).success).toBe(true);
    expect(ZUpdateDataSourceForm.safeParse(form({ previewEmail: 'someone@example.com', slug: 'shop', version: '1' })).success).toBe(true);
  });

  it('an agent or an auditor may not try a source', async () => {
    for (const actor of [team.agent, team.auditor]) {
      await expect(trySourceMap(db, { actor, input: ZTrySourceMapForm.parse(form({ intent: 'test' })) })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});
