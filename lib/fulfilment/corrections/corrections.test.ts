import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseSource } from '@/lib/data-sources/check-database-source';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { demoShopMap, insertShopCustomer, useDemoShop, useTestSources } from '@/test/support/demo-shop';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { applyCorrection } from './apply-correction';
import { listCorrectableRows } from './list-correctable-rows';
import { previewCorrection } from './preview-correction';

const db = useTestDatabase();
const shop = useDemoShop();
const sources = useTestSources(db);
let agent: StaffActor;

beforeAll(async () => {
  ({ agent } = await createStaffTeam(db));
});
afterAll(async () => {
  await closeSharedDatabase();
});

async function correctionForShopCustomer() {
  const verified = await createVerifiedRequest(db, {
    type: 'correction',
    input: { fullName: 'Ada Lovelace', details: 'My name is spelled Ada Lovelace, not Ada Lovelance.' },
  });
  const customer = await insertShopCustomer(shop.sql, { email: verified.input.email, fullName: 'Ada Lovelance', addresses: 1 });
  const neighbour = await insertShopCustomer(shop.sql, { fullName: 'Ada Lovelance' });
  const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
  await sources.enableOnly([source]);
  return { ...verified, customer, neighbour, source };
}

async function shopName(customerId: number): Promise<string> {
  const [row] = await shop.sql<{ full_name: string }[]>`select full_name from customers where id = ${customerId}`;
  return row!.full_name;
}

describe('[agent] corrects a value in a PostgreSQL source', () => {
  it('lists the requester’s correctable rows, previews old beside new, applies it in one audited change, and only to their row', async () => {
    const { reference, request, customer, neighbour, source } = await correctionForShopCustomer();

    const listed = await listCorrectableRows(db, { actor: agent, reference });
    expect(listed).toHaveLength(1);
    const customers = listed[0]!.tables!.find((table) => table.table === 'customers')!;
    expect(customers.columns).toEqual(['full_name', 'phone']);
    expect(customers.rows).toEqual([
      { key: { id: String(customer.customerId) }, values: { full_name: 'Ada Lovelance', phone: '+44 7700 900123' } },
    ]);
    expect(listed[0]!.tables!.find((table) => table.table === 'addresses')!.rows).toHaveLength(1);

    const target = { sourceId: source.id, table: 'customers', key: { id: String(customer.customerId) }, column: 'full_name' };
    const preview = await previewCorrection(db, { actor: agent, reference, target, newValue: 'Ada Lovelace' });
    expect(preview).toMatchObject({
      sourceName: source.name,
      table: 'customers',
      column: 'full_name',
      oldValue: 'Ada Lovelance',
      newValue: 'Ada Lovelace',
    });
    expect(await shopName(customer.customerId)).toBe('Ada Lovelance');

    expect(
      await applyCorrection(db, {
        actor: agent,
        reference,
        version: request.version,
        target,
        newValue: 'Ada Lovelace',
        expectedOldValue: 'Ada Lovelance',
      }),
    ).toEqual({ oldValue: 'Ada Lovelance', newValue: 'Ada Lovelace' });
    expect(await shopName(customer.customerId)).toBe('Ada Lovelace');
    expect(await shopName(neighbour.customerId)).toBe('Ada Lovelance');

    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'in_progress' });
    const event = (await listEvents(db, { requestId: request.id })).find((row) => row.action === 'correction_applied');
    expect(event).toMatchObject({ details: { source: source.name, sourceId: source.id, table: 'customers', column: 'full_name' } });
    // The audit trail outlives the personal data: it names where, never the values.
    expect(JSON.stringify(event!.details)).not.toContain('Lovel');
  });

  it('refuses a column the map does not name correctable, a key column, someone else’s row and a stale preview, writing nothing', async () => {
    const { reference, customer, neighbour, source, request } = await correctionForShopCustomer();
    const base = { sourceId: source.id, table: 'customers', key: { id: String(customer.customerId) } };

    expect(
      await refusal(previewCorrection(db, { actor: agent, reference, target: { ...base, column: 'email' }, newValue: 'x@example.test' })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'column' },
    });
    expect(
      await refusal(
        applyCorrection(db, {
          actor: agent,
          reference,
          version: request.version,
          target: { ...base, column: 'id' },
          newValue: '1',
          expectedOldValue: null,
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'column' } });
    expect(
      await refusal(
        applyCorrection(db, {
          actor: agent,
          reference,
          version: request.version,
          target: { ...base, key: { id: String(neighbour.customerId) }, column: 'full_name' },
          newValue: 'Someone Else',
          expectedOldValue: 'Ada Lovelance',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusal(
        applyCorrection(db, {
          actor: agent,
          reference,
          version: request.version,
          target: { ...base, column: 'full_name' },
          newValue: 'Ada Lovelace',
          expectedOldValue: 'What the agent saw before someone else changed it',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await shopName(customer.customerId)).toBe('Ada Lovelance');
    expect(await shopName(neighbour.customerId)).toBe('Ada Lovelance');
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).not.toContain('correction_applied');
  });

  it('refuses to correct a request of another type', async () => {
    const { reference } = await createVerifiedRequest(db, { type: 'access' });
    expect(await refusal(listCorrectableRows(db, { actor: agent, reference }))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('[admin] saves a map with correctable columns and opt-out actions', () => {
  it('accepts the demo map and names each column that does not exist, is a key, or cannot take the opt-out value', async () => {
    await checkDatabaseSource(shop.databaseUrl, { kind: 'postgres', map: demoShopMap }, { allowPrivateTargets: true });
    const customers = demoShopMap.tables.find((table) => table.table === 'customers')!;
    const bad = await refusal(
      checkDatabaseSource(
        shop.databaseUrl,
        {
          kind: 'postgres',
          map: {
            tables: [
              {
                ...customers,
                correctable: ['nickname', 'id', 'email'],
                optOut: {
                  marketing_unsubscribe: { column: 'no_such_flag', value: false },
                  opt_out_sale: { column: 'sale_opt_out', value: null },
                },
              },
            ],
          },
        },
        { allowPrivateTargets: true },
      ),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    const messages = JSON.stringify(bad.details);
    expect(messages).toContain('Column \\"nickname\\" does not exist in table public.customers');
    expect(messages).toContain('\\"id\\" ties the row to the person or to other rows');
    expect(messages).toContain('\\"email\\" ties the row to the person or to other rows');
    expect(messages).toContain('Column \\"no_such_flag\\" does not exist');
    expect(messages).toContain('\\"sale_opt_out\\" does not allow null');
  });
});
