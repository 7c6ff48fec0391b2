import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabaseSource } from '@/lib/data-sources/check-database-source';
import { loadDataSourcesFile } from '@/lib/data-sources/load-data-sources-file';
import { ZDataSourcesFile } from '@/lib/validation/data-sources-file';
import { disableSources, readSourceRow, uniqueSlug } from '@/test/support/data-sources';
import { demoCrmMap } from '@/test/support/demo-crm';
import { useDemoShop } from '@/test/support/demo-shop';
import { freePort } from '@/test/support/free-port';
import { mariadbServerUrl, useMariadb } from '@/test/support/mariadb';
import { useTestDatabase } from '@/test/support/test-database';
import { provideEmbeddedDemoCrm } from '../../../scripts/prepare-data-sources';
import { DEMO_CUSTOMER_EMAIL, demoPeople } from '../demo-shop/demo-people';
import { seedDemoCrmDatabase } from './seed-demo-crm';

const db = useTestDatabase();
const shop = useDemoShop();
const crm = useMariadb('demo_crm');
const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-crm-file-'));
const touched: string[] = [];
const savedCrmUrl = process.env.DEMO_CRM_DATABASE_URL;

afterAll(async () => {
  await disableSources(db, touched);
  rmSync(folder, { recursive: true, force: true });
  process.env.DEMO_CRM_DATABASE_URL = savedCrmUrl;
});

describe('the embedded default’s demo CRM in MariaDB', () => {
  it('is left out, saying so in the log, when no MySQL/MariaDB answers', async () => {
    delete process.env.DEMO_CRM_DATABASE_URL;
    const lines: string[] = [];

    await provideEmbeddedDemoCrm((line) => lines.push(line), { serverUrl: `mysql://root@127.0.0.1:${await freePort()}` });

    expect(process.env.DEMO_CRM_DATABASE_URL).toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(/^demo CRM: no MySQL\/MariaDB at 127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\); running without it/),
    ]);
  });

  it('is made on the server when one answers, and the log says where', async () => {
    delete process.env.DEMO_CRM_DATABASE_URL;
    const database = `dsr_desk_test_embedded_crm_${randomBytes(4).toString('hex')}`;
    const lines: string[] = [];
    try {
      await provideEmbeddedDemoCrm((line) => lines.push(line), { serverUrl: mariadbServerUrl(), database });

      expect(process.env.DEMO_CRM_DATABASE_URL).toBe(`${mariadbServerUrl()}/${database}`);
      expect(lines).toEqual([`demo CRM: MySQL/MariaDB found at ${new URL(mariadbServerUrl()).host}; using database ${database}`]);
    } finally {
      const admin = await createConnection({ uri: mariadbServerUrl() });
      await admin.query(`drop database if exists \`${database}\``);
      await admin.end();
      delete process.env.DEMO_CRM_DATABASE_URL;
    }
  });

  it('seeds the shop’s people as contacts keyed by the shop’s customer id, once (even twice at once)', async () => {
    const outcomes = await Promise.all([seedDemoCrmDatabase(crm.databaseUrl, shop.sql), seedDemoCrmDatabase(crm.databaseUrl, shop.sql)]);

    expect(outcomes.map((outcome) => outcome.isSeeded).sort()).toEqual([false, true]);
    const [contacts] = await crm.connection.query<RowDataPacket[]>('select email, shop_customer_id from contacts order by id');
    expect(contacts.map((contact) => contact.email)).toEqual(demoPeople().map((person) => person.email));
    const [ada] = await shop.sql<{ id: string }[]>`select id::text from customers where email = ${DEMO_CUSTOMER_EMAIL}`;
    expect(contacts.find((contact) => contact.email === DEMO_CUSTOMER_EMAIL)).toEqual({
      email: DEMO_CUSTOMER_EMAIL,
      shop_customer_id: Number(ada!.id),
    });
    expect(await seedDemoCrmDatabase(crm.databaseUrl, shop.sql)).toEqual({ isSeeded: false });
  });

  it('db/seed/demo-crm-data-source.json registers it as a MySQL source whose map matches the CRM, through the seed-file loader', async () => {
    const [entry] = ZDataSourcesFile.parse(JSON.parse(readFileSync(path.resolve('db/seed/demo-crm-data-source.json'), 'utf8')));
    expect(entry).toMatchObject({ slug: 'crm', kind: 'mysql', secret: { env: 'DEMO_CRM_DATABASE_URL' } });
    await expect(
      checkDatabaseSource(crm.databaseUrl, { kind: 'mysql', map: demoCrmMap }, { allowPrivateTargets: true }),
    ).resolves.toBeUndefined();

    // The same entry under a slug of this test's own, switched off so no other test's run meets it.
    const slug = uniqueSlug('seeded-crm');
    const file = path.join(folder, 'crm.json');
    writeFileSync(file, JSON.stringify([{ ...entry, slug, isEnabled: false }]));
    const outcome = await loadDataSourcesFile(db, { file, variables: { DEMO_CRM_DATABASE_URL: crm.databaseUrl } });
    const row = await readSourceRow(db, { slug });
    touched.push(row.id);
    expect(outcome.created).toEqual([slug]);
    expect(row).toMatchObject({ kind: 'mysql', isEnabled: false, config: { kind: 'mysql', map: demoCrmMap } });

    await expect(loadDataSourcesFile(db, { file, variables: { DEMO_CRM_DATABASE_URL: 'postgres://x@y/z' } })).rejects.toThrow(
      'DEMO_CRM_DATABASE_URL is not a mysql:// connection string',
    );
  });
});
