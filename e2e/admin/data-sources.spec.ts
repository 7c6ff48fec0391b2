import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoShopUrl } from '../fixtures/demo-shop';
import { createCrmDatabase } from '../fixtures/mariadb';
import { e2eBaseUrl } from '../fixtures/e2e-ports';
import { signedInStaff } from '../fixtures/staff';

// Signs in through a real magic-link email and saves against a real database.
test.describe.configure({ timeout: 180_000 });

type DemoTable = { table: string; export: string[]; columns?: Record<string, unknown> };
type DemoEntry = { slug: string; config: { map?: { tables: DemoTable[] } } };

/** The demo shop's map as shipped, or with one of the customers table's exported columns misspelt (its label follows it). */
function demoMapText(misspelt?: { column: string; as: string }): string {
  const entries = JSON.parse(readFileSync(new URL('../../db/seed/demo-data-sources.json', import.meta.url), 'utf8')) as DemoEntry[];
  const map = entries.find((entry) => entry.slug === 'shop-database')!.config.map!;
  const rename = (column: string) => (misspelt && column === misspelt.column ? misspelt.as : column);
  return JSON.stringify(
    {
      tables: map.tables.map((table) =>
        table.table === 'customers' && misspelt
          ? {
              ...table,
              export: table.export.map(rename),
              columns: Object.fromEntries(Object.entries(table.columns ?? {}).map(([column, format]) => [rename(column), format])),
            }
          : table,
      ),
    },
    null,
    2,
  );
}

test('[admin] adds a PostgreSQL source: a misspelt column is named with its place in the map, the fixed map saves, and the connection string is never shown again', async ({
  page,
}) => {
  await signedInStaff(page, 'admin');
  const name = `E2E shop ${randomBytes(3).toString('hex')}`;
  const connectionString = demoShopUrl();

  await test.step('from Settings, choose to add a PostgreSQL source', async () => {
    await page.goto('/staff/settings');
    await page.getByRole('link', { name: 'Manage data sources' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data sources' })).toBeVisible();
    await page.getByRole('link', { name: 'Add a data source' }).click();
    await page.getByLabel(/^PostgreSQL database/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a data source: PostgreSQL database' })).toBeVisible();
  });

  await test.step('a misspelt column comes back on the map field with its path', async () => {
    await page.getByLabel('Name', { exact: true }).fill(name);
    // Switched off, so the other specs' runs (which use every source that is on) never meet it.
    await page.getByLabel(/^Switched on/).uncheck();
    await page.getByLabel('Connection string').fill(connectionString);
    await page.getByLabel('Map (JSON)').fill(demoMapText({ column: 'full_name', as: 'full_nmae' }));
    await page.getByRole('button', { name: 'Add data source' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'The map does not match the source database.' })).toBeVisible();
    await expect(page.getByLabel('Map (JSON)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('tables[0].export[2]: Column "full_nmae" does not exist in table public.customers').first()).toBeVisible();
    // The problem names its line, and the editor's line numbers mark it.
    const located = await page
      .getByText(/^Line \d+: tables\[0\]\.export\[2\]: /)
      .first()
      .textContent();
    const line = /^Line (\d+):/.exec(located ?? '')![1]!;
    await expect(page.locator('.code-editor__number--error').filter({ hasText: new RegExp(`^${line}$`) })).toBeVisible();
    const mapLines = (await page.getByLabel('Map (JSON)').inputValue()).split('\n');
    expect(mapLines[Number(line) - 1]).toContain('"full_nmae"');
  });

  await test.step('before saving, Test connection passes the fixed map and a preview shows Ada’s rows; what was typed stays', async () => {
    await page.getByLabel('Map (JSON)').fill(demoMapText());
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('The connection works and the map matches the source database.')).toBeVisible();
    await page.getByLabel('Email address (for a preview)').fill('ada.lovelace@example.com');
    await page.getByRole('button', { name: 'Preview for this address' }).click();
    const preview = page.getByRole('region', { name: 'Preview for this address' });
    await expect(preview.getByRole('table', { name: /^customers: 1 row$/ })).toContainText('Ada Lovelace');
    await expect(preview.getByRole('table', { name: /^orders: / })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
    await expect(page.getByLabel('Map (JSON)')).toHaveValue(demoMapText());
  });

  await test.step('the picker lists the database’s tables and adds a column to the map’s JSON', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    const picker = page.getByRole('region', { name: 'Tables in the database' });
    await picker.locator('summary', { hasText: /^customers \(/ }).click();
    await picker.getByRole('button', { name: 'Export marketing_opt_in of customers' }).click();
    await expect(picker.getByRole('status')).toHaveText('customers: exporting marketing_opt_in.');
    const map = JSON.parse(await page.getByLabel('Map (JSON)').inputValue()) as { tables: { table: string; export: string[] }[] };
    expect(map.tables.find((table) => table.table === 'customers')!.export).toContain('marketing_opt_in');
  });

  await test.step('the fixed map saves; the page says when the connection string was saved and never shows it', async () => {
    await page.getByRole('button', { name: 'Add data source' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('The data source was added.')).toBeVisible();
    await expect(page.getByText(/^Saved on .* UTC; leave blank to keep it\./)).toBeVisible();
    await expect(page.getByLabel('Connection string')).toHaveValue('');
    expect(await page.content()).not.toContain(connectionString);
    const password = new URL(connectionString).password;
    if (password) expect(await page.content()).not.toContain(password);
  });

  await test.step('the list shows it switched off, with its secret’s date', async () => {
    await page.getByRole('link', { name: 'Back to data sources' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('PostgreSQL database');
    await expect(row).toContainText('Off');
    await expect(row).toContainText('Access and erasure');
    await expect(row).toContainText(/\d{4}, \d{2}:\d{2} UTC/);
  });
});

test('[admin] adds a MySQL/MariaDB source: a wrong column is named with its path, the fixed map saves against the real MariaDB', async ({
  page,
}) => {
  await signedInStaff(page, 'admin');
  const crm = await createCrmDatabase();
  const name = `E2E CRM ${randomBytes(3).toString('hex')}`;
  const entries = JSON.parse(readFileSync(new URL('../../db/seed/demo-crm-data-source.json', import.meta.url), 'utf8')) as DemoEntry[];
  const map = entries.find((entry) => entry.slug === 'crm')!.config.map!;
  const mapText = (edit: (columns: string[]) => string[]) =>
    JSON.stringify(
      { tables: map.tables.map((table) => (table.table === 'interactions' ? { ...table, export: edit(table.export) } : table)) },
      null,
      2,
    );
  try {
    await page.goto('/staff/settings/sources/new');
    await page.getByLabel(/^MySQL or MariaDB database/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a data source: MySQL or MariaDB database' })).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel(/^Switched on/).uncheck();
    await page.getByLabel('Connection string').fill(crm.databaseUrl);
    await page.getByLabel('Map (JSON)').fill(mapText((columns) => [...columns, 'sumary']));
    await page.getByRole('button', { name: 'Add data source' }).click();
    await expect(page.getByText('tables[1].export[4]: Column "sumary" does not exist in table interactions').first()).toBeVisible();

    await page.getByLabel('Map (JSON)').fill(mapText((columns) => columns));
    await page.getByRole('button', { name: 'Add data source' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('The data source was added.')).toBeVisible();
    expect(await page.content()).not.toContain(crm.databaseUrl);
    await page.getByRole('link', { name: 'Back to data sources' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('MySQL or MariaDB database');
  } finally {
    await crm.drop();
  }
});

test('[admin] adds a webhook source and sees its signing secret once, with the callback URL to give the other system', async ({ page }) => {
  await signedInStaff(page, 'admin');
  const name = `E2E CRM ${randomBytes(3).toString('hex')}`;

  await page.goto('/staff/settings/sources/new');
  await page.getByLabel(/^Webhook \(HTTP\)/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Job URL').fill('https://crm.example.test/dsr-jobs');
  await page.getByLabel(/^Switched on/).uncheck();
  await page.getByRole('button', { name: 'Add data source' }).click();

  const secretField = page.getByLabel('Signing secret (shown once)');
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

  await page.getByRole('link', { name: 'Back to data sources' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop();
  await expect(page.getByText(`${e2eBaseUrl}/api/callbacks/${slug}`)).toBeVisible();
  await expect(page.getByText(/HMAC-SHA256/)).toBeVisible();
  await expect(page.getByText(/^Saved on/)).toBeVisible();
  expect(await page.content()).not.toContain(secret);
});

for (const role of ['agent', 'auditor'] as const) {
  test(`[${role}] gets "You don’t have access to this page" at the data source pages`, async ({ page }) => {
    await signedInStaff(page, role);
    for (const path of ['/staff/settings/sources', '/staff/settings/sources/new', '/staff/settings/sources/shop-database']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    }
  });
}
