import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dataSources, requestEvents } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { demoShopMap, insertShopCustomer, uniqueShopEmail, useDemoShop } from '@/test/support/demo-shop';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { previewSourceMap } from './preview-source-map';

const db = useTestDatabase();
const shop = useDemoShop();
const team: Record<'admin' | 'agent' | 'auditor', StaffActor> = useStaffTeam(db);

describe('[admin] previews a map for an email address before saving it', () => {
  it('shows the rows each table would export for that person, stores nothing, and audits the look without the address', async () => {
    await setPrivateTargetsAllowed(db, { actor: team.admin, allowed: true });
    const email = uniqueShopEmail('preview');
    await insertShopCustomer(shop.sql, { email, fullName: 'Preview Person', orders: 12, addresses: 1 });
    const sourcesBefore = await db.select({ id: dataSources.id }).from(dataSources);

    const preview = await previewSourceMap(db, {
      actor: team.admin,
      name: 'Shop (preview)',
      connectionString: shop.databaseUrl,
      config: { kind: 'postgres', map: demoShopMap },
      email,
    });

    expect(preview.find((table) => table.table === 'customers')?.rows).toEqual([
      expect.objectContaining({ email, full_name: 'Preview Person' }),
    ]);
    const orders = preview.find((table) => table.table === 'orders')!;
    expect(orders).toMatchObject({ columns: demoShopMap.tables[2]!.export, isCut: true });
    expect(orders.rows).toHaveLength(10);
    expect(await db.select({ id: dataSources.id }).from(dataSources)).toEqual(sourcesBefore);
    const [event] = await db.select().from(requestEvents).where(eq(requestEvents.action, 'data_source_previewed'));
    expect(event).toMatchObject({
      actorId: team.admin.staffId,
      details: { name: 'Shop (preview)', rowsShown: { orders: 10, customers: 1 } },
    });
    expect(JSON.stringify(event!.details)).not.toContain(email);
  });

  it('an agent or auditor may not preview; a map naming a missing column is refused with its place', async () => {
    for (const actor of [team.agent, team.auditor])
      await expect(
        previewSourceMap(db, {
          actor,
          name: 'x',
          connectionString: shop.databaseUrl,
          config: { kind: 'postgres', map: demoShopMap },
          email: 'a@example.test',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const broken = {
      tables: demoShopMap.tables.map((table) =>
        table.table === 'orders' ? { ...table, export: ['id', 'totl_pence'], columns: undefined } : table,
      ),
    };
    await expect(
      previewSourceMap(db, {
        actor: team.admin,
        name: 'x',
        connectionString: shop.databaseUrl,
        config: { kind: 'postgres', map: broken },
        email: 'a@example.test',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { fieldErrors: { map: [expect.stringContaining('totl_pence')] } } });
  });
});
