import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSourceRow, fulfilmentRuns, fulfilmentSourceResults, requests } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { updateAccessInformation } from '@/lib/settings/update-access-information';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZPostgresMap } from '@/lib/validation/data-source';
import { disableSources } from '@/test/support/data-sources';
import { createShopSource, demoShopMap, insertShopCustomer, useDemoShop } from '@/test/support/demo-shop';
import { uniqueEmail } from '@/test/support/fixtures';
import { readStoredZip } from '@/test/support/read-zip';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { buildPackage } from './build-package';
import { MAX_SHOWN_ROWS_PER_TABLE } from './package/readable-limits';
import { runSource } from './run-source';

const db = useTestDatabase();
const shop = useDemoShop();
const originalStorageDir = process.env.STORAGE_DIR;
let storageDir: string;
let source: DataSourceRow;
let team: Record<'admin' | 'agent' | 'auditor', StaffActor>;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-readable-'));
  process.env.STORAGE_DIR = storageDir;
  resetEnvForTests();
  source = await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true, name: 'Shop database' });
  team = await createStaffTeam(db);
});

afterAll(async () => {
  await disableSources(db, [source.id]);
  rmSync(storageDir, { recursive: true, force: true });
  if (originalStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = originalStorageDir;
  resetEnvForTests();
});

/** A verified access request from a shop customer in a time zone of their own, gathered and built as the worker would. */
async function gatheredIndex({ orders, timeZone, language = 'en' }: { orders: number; timeZone: string | null; language?: string }) {
  const email = uniqueEmail('reader');
  const subject = await insertShopCustomer(shop.sql, { email, fullName: 'Ada Reader', orders, addresses: 1 });
  const { request } = await createVerifiedRequest(db, { type: 'access', input: { email: subject.email, fullName: subject.fullName } });
  await db.update(requests).set({ timeZone, language }).where(eq(requests.id, request.id));
  const [run] = await db
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, request.id))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  const results = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, run!.id));
  for (const result of results) if (result.sourceKind !== 'manual') await runSource(db, { sourceResultId: result.id });
  await buildPackage(db, { runId: run!.id });
  const [built] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, run!.id));
  expect(built).toMatchObject({ status: 'succeeded' });
  const files = await readStoredZip(built!.packageStorageKey!);
  return { index: files.get('index.html')!.toString('utf8'), files, subject };
}

describe('the readable package', () => {
  it('[requester] index.html shows each table with the map’s labels: money in pounds, times in their time zone, and the CSV/JSON files stay', async () => {
    const { index, files } = await gatheredIndex({ orders: 3, timeZone: 'Europe/Paris' });

    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<h2>What is in this package</h2>');
    expect(index).toContain('(Access — a copy of my personal data)</dd>');
    expect(index).toContain('<h3>Your orders</h3>');
    expect(index).toContain('<th scope="col">Order number</th><th scope="col">Placed</th><th scope="col">Total</th>');
    // 1000, 1001, 1002 pence.
    for (const total of ['£10.00', '£10.01', '£10.02']) expect(index).toContain(`>${total}</td>`);
    // 12:00 UTC on 1 March 2024 is 13:00 in Paris.
    expect(index).toContain('1 March 2024 at 13:00');
    expect(index).toContain('Dates and times on this page are in your time zone (Europe/Paris).');
    expect(index).toContain('<th scope="col">Name</th>');
    expect(index).toContain('Ada Reader');
    expect([...files.keys()].filter((name) => name.endsWith('.csv') || name.endsWith('.json'))).toHaveLength(7);
  });

  it('[requester] a German request’s index.html is in German: headings, the map’s German labels, money and dates as Germans write them', async () => {
    const orders = MAX_SHOWN_ROWS_PER_TABLE + 20;
    const { index } = await gatheredIndex({ orders, timeZone: 'Europe/Berlin', language: 'de' });

    expect(index).toContain('<html lang="de">');
    expect(index).toContain('<h1>Ihre personenbezogenen Daten bei ');
    expect(index).toContain('<h2>Was dieses Paket enthält</h2>');
    expect(index).toContain('(Auskunft — eine Kopie meiner personenbezogenen Daten)</dd>');
    expect(index).toContain('Datums- und Zeitangaben auf dieser Seite sind in Ihrer Zeitzone (Europe/Berlin).');
    expect(index).toContain('<h3>Ihre Bestellungen</h3>');
    expect(index).toContain('<th scope="col">Bestellnummer</th><th scope="col">Bestellt am</th><th scope="col">Gesamtbetrag</th>');
    expect(index).toContain('<th scope="col">E-Mail-Adresse</th>');
    // 1000 pence, in German: the comma before the pence, the currency after a no-break space.
    expect(index).toContain('>10,00\u00a0£</td>');
    // 12:00 UTC on 1 March 2024 is 13:00 in Berlin.
    expect(index).toContain('1. März 2024 um 13:00');
    expect(index).toContain(`Diese Tabelle hat ${orders} Datensätze; die ersten ${MAX_SHOWN_ROWS_PER_TABLE} werden hier angezeigt.`);
    expect(index).toContain(`<caption>Ihre Bestellungen: ${orders} Datensätze</caption>`);
    expect(index).toContain('<h2 id="about-this-data">Über diese Daten</h2>');
    expect(index).toContain('<dt>Wofür wir sie verwenden</dt>');
    expect(index).toContain('<h2 id="files">Dateien und Prüfsummen</h2>');
    expect(index).not.toContain('Your orders');
    expect(index).not.toContain('What is in this package');
  });

  it('[requester] a language the map has no labels in falls back to its English labels, the page itself in that language', async () => {
    const { index } = await gatheredIndex({ orders: 1, timeZone: 'UTC', language: 'fr' });
    expect(index).toContain('<html lang="fr">');
    expect(index).toContain('<h2>Contenu de cette archive</h2>');
    expect(index).toContain('<h3>Your orders</h3>');
    expect(index).toContain('>10,00\u00a0£GB</td>');
    expect(index).toContain('1 mars 2024 à 12:00');
  });

  it('[requester] without a time zone of their own, times are in the organisation’s', async () => {
    const { index } = await gatheredIndex({ orders: 1, timeZone: null });
    expect(index).toContain('1 March 2024 at 12:00');
    expect(index).toContain('(UTC)');
  });

  it(`[requester] a table of more than ${MAX_SHOWN_ROWS_PER_TABLE} rows shows the first ones and points at its CSV, which holds them all`, async () => {
    const orders = MAX_SHOWN_ROWS_PER_TABLE + 20;
    const { index, files } = await gatheredIndex({ orders, timeZone: 'UTC' });
    const ordersTable = index.slice(index.indexOf('<h3>Your orders</h3>'), index.indexOf('<h3>Newsletters you subscribe to</h3>'));
    expect(ordersTable.match(/<tr><td/g)).toHaveLength(MAX_SHOWN_ROWS_PER_TABLE);
    expect(ordersTable).toContain(`This table has ${orders} records; the first ${MAX_SHOWN_ROWS_PER_TABLE} are shown here.`);
    expect(ordersTable).toContain(`${source.slug}/orders.csv`);
    const csvLines = files.get(`${source.slug}/orders.csv`)!.toString('utf8').trim().split('\n');
    expect(csvLines).toHaveLength(orders + 1);
  });

  it('[requester] the package carries the regime’s Art. 15 information from settings, and points at the contact for what is left empty', async () => {
    await updateAccessInformation(db, {
      actor: team.admin,
      code: 'eu_gdpr',
      information: {
        'en.purposes': 'To sell and deliver your orders <and> answer your questions.',
        'en.recipients': 'Our courier, Parcel & Co.',
        'en.retention': 'Orders: 6 years for tax. Support messages: 2 years.',
        'en.complaintAuthorityName': 'the Information Commissioner’s Office',
        'en.complaintAuthorityUrl': 'https://ico.org.uk/make-a-complaint/',
      },
    });
    const { index } = await gatheredIndex({ orders: 1, timeZone: 'UTC' });

    expect(index).toContain('<h2 id="about-this-data">About this data</h2>');
    expect(index).toContain('To sell and deliver your orders &#60;and&#62; answer your questions.');
    expect(index).toContain('Our courier, Parcel &#38; Co.');
    expect(index).toContain('Orders: 6 years for tax.');
    expect(index).toContain('You can complain to the Information Commissioner’s Office.');
    expect(index).toContain('href="https://ico.org.uk/make-a-complaint/"');
    expect(index).toContain('You can ask us to correct data that is wrong');
    // (b) categories and (g) source were not filled in: the page says to ask, never leaves them out.
    expect(index.match(/Ask us (at .+ )?and we will tell you\./g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('[requester] a German request’s package carries the German Art. 15 information, and the English text of a field not translated', async () => {
    await updateAccessInformation(db, {
      actor: team.admin,
      code: 'eu_gdpr',
      information: {
        'en.purposes': 'To sell and deliver your orders.',
        'de.purposes': 'Um Ihre Bestellungen zu verkaufen und zu liefern.',
        'en.retention': 'Orders: 6 years for tax.',
        'en.complaintAuthorityName': 'the Information Commissioner’s Office',
        'de.complaintAuthorityName': 'dem Bundesbeauftragten für den Datenschutz',
        'en.complaintAuthorityUrl': 'https://ico.org.uk/make-a-complaint/',
      },
    });
    const german = (await gatheredIndex({ orders: 1, timeZone: 'UTC', language: 'de' })).index;
    const about = german.slice(german.indexOf('<h2 id="about-this-data">'), german.indexOf('<h2 id="files">'));
    expect(about).toContain('<dd>Um Ihre Bestellungen zu verkaufen und zu liefern.</dd>');
    expect(about).not.toContain('To sell and deliver your orders.');
    // Retention has no German text: the German reader gets the English one rather than nothing.
    expect(about).toContain('<dd>Orders: 6 years for tax.</dd>');
    expect(about).toContain('dem Bundesbeauftragten für den Datenschutz');
    expect(about).not.toContain('Information Commissioner');
    // The authority's address was written in English only: it is the one the German page links.
    expect(about).toContain('href="https://ico.org.uk/make-a-complaint/"');

    const english = (await gatheredIndex({ orders: 1, timeZone: 'UTC' })).index;
    expect(english).toContain('<dd>To sell and deliver your orders.</dd>');
    expect(english).toContain('You can complain to the Information Commissioner’s Office.');
  });

  it('[admin] only an admin may write the Art. 15 information', async () => {
    await expect(updateAccessInformation(db, { actor: team.agent, code: 'eu_gdpr', information: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateAccessInformation(db, { actor: team.admin, code: 'no_such_law', information: {} })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('column labels and formats in a map', () => {
  const withColumns = (columns: unknown) => ({
    tables: demoShopMap.tables.map((table) => (table.table === 'orders' ? { ...table, columns } : table)),
  });
  const problems = (columns: unknown) => {
    const parsed = ZPostgresMap.safeParse(withColumns(columns));
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('[admin] the shipped demo map’s labels and formats are valid', () => {
    expect(ZPostgresMap.safeParse(demoShopMap).success).toBe(true);
    expect(demoShopMap.tables.find((table) => table.table === 'orders')?.columns?.total_pence).toEqual({
      label: { en: 'Total', de: 'Gesamtbetrag' },
      format: 'money',
      currency: 'GBP',
      minorUnits: true,
    });
  });

  it('[admin] a label for a column that is not exported, money without a currency, or an unknown format is refused with its place', () => {
    expect(problems({ secret_notes: { label: 'Notes' } })).toEqual([
      'tables.2.columns.secret_notes: secret_notes is not exported: add it to "export" or remove its label',
    ]);
    expect(problems({ total_pence: { format: 'money' } })).toEqual([
      'tables.2.columns.total_pence.currency: A money column needs its currency, such as "GBP"',
    ]);
    expect(problems({ total_pence: { format: 'pounds' } })).toEqual([
      'tables.2.columns.total_pence.format: format is "text", "money", "date", "datetime" or "boolean"',
    ]);
    expect(problems({ placed_at: { format: 'date', currency: 'GBP' } })).toEqual([
      'tables.2.columns.placed_at.format: currency and minorUnits go with "format": "money"',
    ]);
    expect(problems({ total_pence: { format: 'money', currency: 'pounds' } })).toEqual([
      'tables.2.columns.total_pence.currency: currency is a three-letter ISO 4217 code such as "GBP"',
    ]);
    expect(problems({ placed_at: { label: '' } })).toEqual(['tables.2.columns.placed_at.label: Enter a label or leave it out']);
  });
  it('[admin] a label is one text for every language, or one per language with English', () => {
    expect(problems({ placed_at: { label: 'Placed' } })).toEqual([]);
    expect(problems({ placed_at: { label: { en: 'Placed', de: 'Bestellt am', 'pt-BR': 'Feito em' } } })).toEqual([]);
    const tableLabelled = (label: unknown) =>
      ZPostgresMap.safeParse({ tables: demoShopMap.tables.map((table) => (table.table === 'orders' ? { ...table, label } : table)) });
    expect(tableLabelled({ en: 'Your orders', de: 'Ihre Bestellungen' }).success).toBe(true);
    expect(tableLabelled('Your orders').success).toBe(true);
  });

  it('[admin] a label per language without English, with an empty text or in an unknown language is refused with its place', () => {
    expect(problems({ placed_at: { label: { de: 'Bestellt am' } } })).toEqual([
      'tables.2.columns.placed_at.label: A label per language needs its English one, "en": it is shown in every language without its own',
    ]);
    expect(problems({ placed_at: { label: { en: 'Placed', de: '' } } })).toEqual([
      'tables.2.columns.placed_at.label.de: Enter a label or leave it out',
    ]);
    expect(problems({ placed_at: { label: { en: 'Placed', it: 'Ordinato' } } })).toEqual([
      'tables.2.columns.placed_at.label: Unrecognized key: "it"',
    ]);
    expect(problems({ placed_at: { label: 12 } })).toEqual([
      'tables.2.columns.placed_at.label: A label is a text, or one per language such as { "en": "Your orders", "de": "Ihre Bestellungen" }',
    ]);
  });
});
