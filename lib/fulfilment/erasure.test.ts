import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfilmentRuns, fulfilmentSourceResults, outboundEmails, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { requestInformation } from '@/lib/requests/request-information';
import type { StaffActor } from '@/lib/staff/staff-actor';
import {
  customerFootprint,
  insertShopCustomer,
  shopFingerprint,
  uniqueShopEmail,
  useDemoShop,
  useTestSources,
} from '@/test/support/demo-shop';
import { eventually } from '@/test/support/eventually';
import { discardQueuedJobs, startJobWorker } from '@/test/support/job-worker';
import { listOutboundEmails } from '@/test/support/outbox';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { confirmManualSource } from './confirm-manual-source';
import { retryFailedSources } from './retry-failed-sources';
import { runSource } from './run-source';
import { startDryRun } from './start-dry-run';
import { startErasure } from './start-erasure';

const db = useTestDatabase();
const shop = useDemoShop();
const sources = useTestSources(db);
const originalSmtpUrl = process.env.SMTP_URL;
let inbox: SmtpInbox;
let agent: StaffActor;
let auditor: StaffActor;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  resetEnvForTests();
  ({ agent, auditor } = await createStaffTeam(db));
});

afterAll(async () => {
  closeTransport();
  process.env.SMTP_URL = originalSmtpUrl;
  resetEnvForTests();
  await inbox?.stop();
  await closeSharedDatabase();
});

/** Each shop customer here has 1 customer row, 2 addresses, 3 orders, 1 newsletter subscription and 2 support tickets. */
const shopRows = { addresses: 2, orders: 3, tickets: 2 };

/**
 * A verified deletion request whose requester is a shop customer (their shop account's
 * email differs only in case; the newsletter has it as typed in the request), and a neighbour customer.
 */
async function deletionRequestForShopCustomer({ language }: { language?: 'en' | 'de' } = {}) {
  const verified = await createVerifiedRequest(db, {
    type: 'deletion',
    input: { fullName: 'Grace Hopper', ...(language ? { language } : {}) },
  });
  const email = verified.input.email;
  const subject = await insertShopCustomer(shop.sql, {
    ...shopRows,
    email: email.replace(/^r/, 'R').replace('example.test', 'Example.TEST'),
    newsletterEmail: email.toLowerCase(),
    fullName: 'Grace Hopper',
  });
  const neighbour = await insertShopCustomer(shop.sql, { ...shopRows, email: uniqueShopEmail('neighbour'), fullName: 'Alan Turing' });
  return { ...verified, email, subject, neighbour };
}

async function currentVersion(requestId: string): Promise<number> {
  return (await getRequest(db, { id: requestId })).version;
}

async function resultsOf(runId: string) {
  return db
    .select()
    .from(fulfilmentSourceResults)
    .where(eq(fulfilmentSourceResults.runId, runId))
    .orderBy(asc(fulfilmentSourceResults.sourceName));
}

async function runOf(runId: string) {
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
  return run!;
}

/** Runs every automated source of a run that is waiting, as the run-source job would. */
async function runPendingSources(runId: string): Promise<void> {
  for (const result of await resultsOf(runId)) {
    if (result.status === 'pending') await runSource(db, { sourceResultId: result.id });
  }
}

async function confirmationEmails(requestId: string) {
  return (await listOutboundEmails(db, { requestId })).filter((email) => email.template === 'erasure-confirmed');
}

/** The message with this subject sent to `to` (the worker also delivers the request's earlier emails). */
async function mailWithSubject(to: string, subject: string) {
  return eventually(`"${subject}" to arrive`, async () => (await inbox.waitFor(to)).find((mail) => mail.subject === subject));
}

async function actionsOf(requestId: string): Promise<string[]> {
  return (await listEvents(db, { requestId })).map((event) => event.action);
}

describe('[agent] runs a dry run', () => {
  it('counts the subject’s rows per table, changes nothing in the source, and starts work on a new request', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop (dry run)' });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const before = await shopFingerprint(shop.sql);

    const { runId } = await startDryRun(db, { actor: agent, reference, version: request.version });

    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'in_progress', assigneeId: agent.staffId });
    expect(await actionsOf(request.id)).toEqual(expect.arrayContaining(['work_started', 'erasure_dry_run_started']));
    await runPendingSources(runId);

    const [result] = await resultsOf(runId);
    expect(result?.error).toBeNull();
    expect(result).toMatchObject({
      status: 'succeeded',
      rowCounts: { customers: 1, addresses: 2, orders: 3, newsletter_subscriptions: 1, support_tickets: 2 },
      rowsDone: 9,
    });
    expect((await runOf(runId)).status).toBe('succeeded');
    expect(await shopFingerprint(shop.sql)).toEqual(before);
    expect(await actionsOf(request.id)).toContain('erasure_dry_run_finished');
    expect(await confirmationEmails(request.id)).toHaveLength(0);
  });
});

describe('[agent] is refused erasure without a successful dry run', () => {
  it('before any dry run, and while the dry run is still running, leaving everything unchanged', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference, subject, email } = await deletionRequestForShopCustomer();
    const footprint = await customerFootprint(shop.sql, { customerId: subject.customerId, email });
    const untouched = await snapshotRequest(db, { id: request.id });

    const withoutDryRun = await refusal(startErasure(db, { actor: agent, reference, version: request.version }));
    expect(withoutDryRun).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('Run a dry run first') });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(untouched);

    const { runId } = await startDryRun(db, { actor: agent, reference, version: request.version });
    const whileRunning = await refusal(startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) }));
    expect(whileRunning.message).toContain('still running');

    // A dry run whose source failed does not count either.
    await shop.sql`alter table support_tickets rename to support_tickets_moved`;
    try {
      await runPendingSources(runId);
    } finally {
      await shop.sql`alter table support_tickets_moved rename to support_tickets`;
    }
    expect((await runOf(runId)).status).toBe('failed');
    const afterFailure = await refusal(startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) }));
    expect(afterFailure.message).toContain('The last dry run failed');

    expect(
      await db
        .select()
        .from(fulfilmentRuns)
        .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'erase'))),
    ).toHaveLength(0);
    expect(await customerFootprint(shop.sql, { customerId: subject.customerId, email })).toEqual(footprint);
  });
});

describe('[agent] erases a deletion request end to end (real worker, real SMTP)', () => {
  let worker: Runner;
  beforeAll(async () => {
    await discardQueuedJobs(db);
    worker = await startJobWorker();
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it('deletes and anonymises the subject’s rows, leaves the neighbour byte for byte, closes the request and emails one confirmation', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop database (test)' });
    await sources.enableOnly([shopSource]);
    const { request, reference, subject, neighbour, email } = await deletionRequestForShopCustomer();
    const neighbourBefore = await customerFootprint(shop.sql, neighbour);

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await eventually('the dry run to finish', async () => (await runOf(dryRun.runId)).status === 'succeeded');
    const erase = await startErasure(db, {
      actor: agent,
      reference,
      version: await currentVersion(request.id),
      message: 'Your account is closed. Invoices stay for six years, as tax law requires.',
    });
    const closed = await eventually('the request to be fulfilled', async () => {
      const row = await getRequest(db, { id: request.id });
      return row.status === 'fulfilled' && row;
    });

    // Deleted: addresses, subscriptions, tickets. Anonymised: the customer row and the orders (kept for accounting).
    expect(await shop.sql`select id from addresses where customer_id = ${subject.customerId}`).toHaveLength(0);
    expect(await shop.sql`select id from support_tickets where customer_id = ${subject.customerId}`).toHaveLength(0);
    expect(await shop.sql`select id from newsletter_subscriptions where lower(email) = lower(${email})`).toHaveLength(0);
    const [customer] = await shop.sql`select email, full_name, phone from customers where id = ${subject.customerId}`;
    expect(customer).toMatchObject({
      email: expect.stringMatching(/^erased-[0-9a-f-]{36}$/),
      full_name: expect.stringMatching(/^erased-[0-9a-f-]{36}$/),
      phone: null,
    });
    expect(customer!.email).not.toBe(customer!.full_name);
    const orders =
      await shop.sql`select total_pence, status, shipping_name, shipping_address from orders where customer_id = ${subject.customerId} order by id`;
    expect(orders).toEqual([
      { total_pence: 1000, status: 'delivered', shipping_name: null, shipping_address: null },
      { total_pence: 1001, status: 'delivered', shipping_name: null, shipping_address: null },
      { total_pence: 1002, status: 'delivered', shipping_name: null, shipping_address: null },
    ]);
    expect(await customerFootprint(shop.sql, neighbour)).toEqual(neighbourBefore);

    const [result] = await resultsOf(erase.runId);
    expect(result).toMatchObject({
      status: 'succeeded',
      rowCounts: { customers: 1, addresses: 2, orders: 3, newsletter_subscriptions: 1, support_tickets: 2 },
    });
    // The proof: the shop searched again for her finds nothing (her orders no longer reach her anonymised customer row).
    expect(result!.proof).toEqual({
      checkedAt: expect.any(String),
      isProven: true,
      tables: Object.fromEntries(
        ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets'].map((table) => [
          table,
          { remaining: 0, masked: 0, isKept: false },
        ]),
      ),
    });
    expect(closed).toMatchObject({ closedAt: expect.any(Date), clockStoppedAt: null });
    expect(closed.version).toBeGreaterThan(request.version);
    const events = await listEvents(db, { requestId: request.id });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['erasure_started', 'source_succeeded', 'erasure_finished', 'fulfilled']),
    );
    const fulfilled = events.find((event) => event.action === 'fulfilled')!;
    expect(fulfilled).toMatchObject({ actorType: 'system', isVisibleToRequester: true });
    expect(JSON.stringify(events)).not.toContain('Grace Hopper');

    const mail = await mailWithSubject(email, `Your personal data has been erased (${reference})`);
    expect(mail.text).toContain('Shop database (test)');
    // Tables are named by the map's labels, as in the access package.
    expect(mail.text).toContain('Your account: 1 record anonymised (kept without your personal details)');
    expect(mail.text).toContain('Your addresses: 2 records deleted');
    expect(mail.text).toContain('Your orders: 3 records anonymised');
    expect(mail.text).toContain('Your messages to customer support: 2 records deleted');
    // The agent's message, written when starting the erasure, comes first.
    expect(mail.text).toContain('Your account is closed. Invoices stay for six years, as tax law requires.');
    expect(mail.text!.indexOf('Your account is closed.')).toBeLessThan(mail.text!.indexOf('Your orders:'));
    expect(closed.responseMessage).toMatch(/^Your account is closed\./);
    expect(mail.text).toContain('none of your personal details were found (only anonymised or kept records)');
    expect(mail.html).toContain('Shop database (test)');
    for (const row of ['Grace Hopper', '1 Test Street', '+44 7700 900123', 'Where is my parcel', 'Question 1'])
      expect(`${mail.text}${mail.html}`).not.toContain(row);
    await eventually('the confirmation to be marked sent', async () => (await confirmationEmails(request.id))[0]?.status === 'sent');
    expect(await confirmationEmails(request.id)).toHaveLength(1);

    const statusToken = /\/status\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    expect(await getRequestStatus(db, { token: statusToken })).toMatchObject({
      status: 'fulfilled',
      responseMessage:
        'Your account is closed. Invoices stay for six years, as tax law requires.\n\nWe have erased your personal data from: Shop database (test). Searched again afterwards, none of your personal details were found in: Shop database (test).',
    });
    const succeeded = events.find((event) => event.action === 'source_succeeded' && (event.details as { kind?: string }).kind === 'erase');
    expect(succeeded!.details).toMatchObject({ proof: { isProven: true } });

    const again = await refusal(startErasure(db, { actor: agent, reference, version: closed.version }));
    expect(again.message).toBe('This data has already been erased.');
  });
});

describe('[requester] who asked in German', () => {
  it('gets the erasure confirmation in German, the counts in German plurals, and the status page’s closing message in German', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop DE' });
    await sources.enableOnly([shopSource]);
    const { request, reference, email, statusToken } = await deletionRequestForShopCustomer({ language: 'de' });

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });
    await runPendingSources(erase.runId);

    const [confirmation] = await confirmationEmails(request.id);
    expect(confirmation!.payload).toMatchObject({ locale: 'de' });
    await deliverOutboundEmail(db, { outboundEmailId: confirmation!.id });
    const mail = await mailWithSubject(email, `Ihre personenbezogenen Daten wurden gelöscht (${reference})`);
    expect(mail.text).toContain('hat Ihre Anfrage, Ihre personenbezogenen Daten zu löschen, abgeschlossen.');
    expect(mail.text).toContain('Ihr Kundenkonto: 1 Datensatz anonymisiert (ohne Ihre personenbezogenen Daten aufbewahrt)');
    expect(mail.text).toContain('Ihre Adressen: 2 Datensätze gelöscht');
    expect(mail.text).toMatch(
      /Am \d{1,2}\. [A-Z][a-zä]+ \d{4} erneut geprüft: Es wurden keine Ihrer personenbezogenen Daten mehr gefunden/,
    );
    expect(mail.text).not.toContain('record');
    // The system's closing words on the status page: German, as the email (the shop's proof makes the second sentence).
    expect((await getRequestStatus(db, { token: statusToken }))?.responseMessage).toBe(
      'Wir haben Ihre personenbezogenen Daten gelöscht aus: Shop DE. Bei einer erneuten Suche danach wurden keine Ihrer personenbezogenen Angaben mehr gefunden in: Shop DE.',
    );
  });
});

describe('[agent] retries a failed source', () => {
  it('keeps the request open with no confirmation while a source failed, then completes it once the fixed source is retried', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop A' });
    const table = `loyalty_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await shop.sql.unsafe(`create table ${table} (id bigserial primary key, email text not null, points integer not null)`);
    const loyaltySource = await sources.createShopSource({
      databaseUrl: shop.databaseUrl,
      name: 'Loyalty B',
      map: {
        tables: [
          {
            schema: 'public',
            table,
            match: { column: 'email', equals: 'email' },
            export: ['email', 'points'],
            erase: { action: 'delete' },
          },
        ],
      },
    });
    await sources.enableOnly([shopSource, loyaltySource]);
    const { request, reference, email } = await deletionRequestForShopCustomer();
    await shop.sql.unsafe(`insert into ${table} (email, points) values ($1, 120)`, [email]);

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    expect((await runOf(dryRun.runId)).status).toBe('succeeded');

    // The table is dropped after the map was saved and the dry run counted it.
    await shop.sql.unsafe(`drop table ${table}`);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });
    await runPendingSources(erase.runId);

    const [loyaltyFailed, shopDone] = await resultsOf(erase.runId);
    expect(loyaltyFailed).toMatchObject({
      sourceName: 'Loyalty B',
      status: 'failed',
      attempts: 1,
      error: expect.stringContaining('does not exist'),
    });
    expect(shopDone).toMatchObject({ sourceName: 'Shop A', status: 'succeeded', attempts: 1 });
    expect((await runOf(erase.runId)).status).toBe('failed');
    expect((await getRequest(db, { id: request.id })).status).toBe('in_progress');
    expect(await confirmationEmails(request.id)).toHaveLength(0);
    expect(await actionsOf(request.id)).toContain('erasure_failed');
    expect(await actionsOf(request.id)).not.toContain('fulfilled');

    // Fixed: the table is back.
    await shop.sql.unsafe(`create table ${table} (id bigserial primary key, email text not null, points integer not null)`);
    await shop.sql.unsafe(`insert into ${table} (email, points) values ($1, 120), ('someone-else@example.test', 7)`, [email]);
    await retryFailedSources(db, { actor: agent, reference, version: await currentVersion(request.id), runId: erase.runId });

    const [loyaltyPending, shopUntouched] = await resultsOf(erase.runId);
    expect(loyaltyPending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(shopUntouched).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect((await runOf(erase.runId)).status).toBe('running');
    const jobs = await db.execute<{ key: string }>(
      sql`select key from graphile_worker.jobs where key = ${`source:${loyaltyPending!.id}:1`}`,
    );
    expect(jobs).toHaveLength(1);
    const retried = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'sources_retried');
    expect(retried).toMatchObject({ actorType: 'staff', details: { runId: erase.runId, kind: 'erase', sources: ['Loyalty B'] } });

    await runSource(db, { sourceResultId: loyaltyPending!.id });

    expect((await resultsOf(erase.runId))[0]).toMatchObject({ status: 'succeeded', attempts: 2, rowCounts: { [table]: 1 } });
    expect(await shop.sql.unsafe(`select email from ${table}`)).toEqual([{ email: 'someone-else@example.test' }]);
    expect((await runOf(erase.runId)).status).toBe('succeeded');
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const [confirmation, ...others] = await confirmationEmails(request.id);
    expect(others).toHaveLength(0);
    await deliverOutboundEmail(db, { outboundEmailId: confirmation!.id });
    const mail = await mailWithSubject(email, `Your personal data has been erased (${reference})`);
    expect(mail.text).toContain('Loyalty B');
    expect(mail.text).toContain(`${table}: 1 record deleted`);
    expect(mail.text).toContain('Shop A');
    expect(mail.text!.indexOf('Loyalty B')).toBeLessThan(mail.text!.indexOf('Shop A'));
  });

  it('is refused for a run that did not fail and for a run a newer one replaced', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const first = await startDryRun(db, { actor: agent, reference, version: request.version });

    const whileRunning = await refusal(
      retryFailedSources(db, { actor: agent, reference, version: await currentVersion(request.id), runId: first.runId }),
    );
    expect(whileRunning).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'No source failed in this run, so there is nothing to retry. Start a new run instead.',
    });

    // The first dry run fails; a second one is started and replaces it.
    await shop.sql`alter table orders rename to orders_moved`;
    try {
      await runPendingSources(first.runId);
    } finally {
      await shop.sql`alter table orders_moved rename to orders`;
    }
    expect((await runOf(first.runId)).status).toBe('failed');
    await startDryRun(db, { actor: agent, reference, version: await currentVersion(request.id) });

    const replaced = await refusal(
      retryFailedSources(db, { actor: agent, reference, version: await currentVersion(request.id), runId: first.runId }),
    );
    expect(replaced.message).toContain('A newer run has replaced this one');
    const unknown = await refusal(
      retryFailedSources(db, { actor: agent, reference, version: await currentVersion(request.id), runId: randomUUID() }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('[agent] retries a failed source while a checklist item still waits', () => {
  it('does not have to confirm the manual item first: the failed source runs again and the run waits on for the agent', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop D' });
    const table = `points_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await shop.sql.unsafe(`create table ${table} (id bigserial primary key, email text not null)`);
    const pointsSource = await sources.createShopSource({
      databaseUrl: shop.databaseUrl,
      name: 'Points E',
      map: {
        tables: [{ schema: 'public', table, match: { column: 'email', equals: 'email' }, export: ['email'], erase: { action: 'delete' } }],
      },
    });
    const backups = await sources.createManualSource({ name: 'Backups (retry test)' });
    await sources.enableOnly([shopSource, pointsSource, backups]);
    const { request, reference, email } = await deletionRequestForShopCustomer();
    await shop.sql.unsafe(`insert into ${table} (email) values ($1)`, [email]);
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);

    await shop.sql.unsafe(`alter table ${table} rename to ${table}_moved`);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });
    await runPendingSources(erase.runId);
    const failed = (await resultsOf(erase.runId)).find((result) => result.sourceName === 'Points E');
    expect(failed).toMatchObject({ status: 'failed' });
    // The manual item still waits, so the run has not settled as failed.
    expect((await runOf(erase.runId)).status).toBe('running');

    await shop.sql.unsafe(`alter table ${table}_moved rename to ${table}`);
    await retryFailedSources(db, { actor: agent, reference, version: await currentVersion(request.id), runId: erase.runId });
    await runPendingSources(erase.runId);

    const results = await resultsOf(erase.runId);
    expect(results.find((result) => result.sourceName === 'Points E')).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      rowCounts: { [table]: 1 },
    });
    expect(results.find((result) => result.sourceName === 'Backups (retry test)')).toMatchObject({ status: 'awaiting_confirmation' });
    expect((await runOf(erase.runId)).status).toBe('running');
    expect((await getRequest(db, { id: request.id })).status).toBe('in_progress');
  });
});

describe('[agent] confirms a manual source', () => {
  it('holds the request open until the checklist item is confirmed with a note, then completes it', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop C' });
    const backups = await sources.createManualSource({ name: 'Backups (test)' });
    await sources.enableOnly([shopSource, backups]);
    const { request, reference, email } = await deletionRequestForShopCustomer();

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    expect((await resultsOf(dryRun.runId)).map((result) => [result.sourceName, result.status])).toEqual([
      ['Backups (test)', 'succeeded'],
      ['Shop C', 'succeeded'],
    ]);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });
    await runPendingSources(erase.runId);

    const [manual, automated] = await resultsOf(erase.runId);
    expect(manual).toMatchObject({ status: 'awaiting_confirmation' });
    expect(automated).toMatchObject({ status: 'succeeded' });
    expect((await runOf(erase.runId)).status).toBe('running');
    expect((await getRequest(db, { id: request.id })).status).toBe('in_progress');
    expect(await confirmationEmails(request.id)).toHaveLength(0);

    const version = await currentVersion(request.id);
    const empty = await refusal(confirmManualSource(db, { actor: agent, reference, version, resultId: manual!.id, note: '   ' }));
    expect(empty).toMatchObject({ code: 'VALIDATION', message: 'Enter a note saying what you checked or did', details: { field: 'note' } });
    const tooLong = await refusal(
      confirmManualSource(db, { actor: agent, reference, version, resultId: manual!.id, note: 'x'.repeat(2001) }),
    );
    expect(tooLong.message).toBe('Keep a note saying what you checked or did under 2,000 characters');
    const notManual = await refusal(
      confirmManualSource(db, { actor: agent, reference, version, resultId: automated!.id, note: 'Checked.' }),
    );
    expect(notManual.code).toBe('INVALID_TRANSITION');
    expect((await resultsOf(erase.runId))[0]).toMatchObject({ status: 'awaiting_confirmation', note: null });

    // The last item closes the request and emails the requester: without the second confirmation it is refused.
    const unconfirmed = await refusal(
      confirmManualSource(db, { actor: agent, reference, version, resultId: manual!.id, note: 'Backups roll off in 35 days.' }),
    );
    expect(unconfirmed).toMatchObject({ code: 'VALIDATION', details: { field: 'isConfirmed' } });
    expect(unconfirmed.message).toMatch(/closes the request and emails the requester/);
    expect((await resultsOf(erase.runId))[0]).toMatchObject({ status: 'awaiting_confirmation' });

    await confirmManualSource(db, {
      actor: agent,
      reference,
      version,
      resultId: manual!.id,
      note: '  Backups roll off in 35 days; restore runbook replays erasures.  ',
      isConfirmed: true,
    });

    expect((await resultsOf(erase.runId))[0]).toMatchObject({
      status: 'succeeded',
      confirmedById: agent.staffId,
      note: 'Backups roll off in 35 days; restore runbook replays erasures.',
      finishedAt: expect.any(Date),
    });
    expect((await runOf(erase.runId)).status).toBe('succeeded');
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const sourceEvents = (await listEvents(db, { requestId: request.id })).filter(
      (event) => event.action === 'source_succeeded' && event.details.source === 'Backups (test)' && event.details.kind === 'erase',
    );
    expect(sourceEvents).toEqual([expect.objectContaining({ actorType: 'staff', actorId: agent.staffId })]);

    const [confirmation] = await confirmationEmails(request.id);
    await deliverOutboundEmail(db, { outboundEmailId: confirmation!.id });
    const mail = await mailWithSubject(email, `Your personal data has been erased (${reference})`);
    expect(mail.text).toMatch(/Backups \(test\)\s+Erasure confirmed by our team\./);

    const twice = await refusal(
      confirmManualSource(db, { actor: agent, reference, version: await currentVersion(request.id), resultId: manual!.id, note: 'Again.' }),
    );
    expect(twice.code).toBe('INVALID_TRANSITION');
  });
});

describe('erasure permissions and stale pages', () => {
  it('[auditor] may not start, erase, retry or confirm; [agent] on a stale page gets a conflict', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const untouched = await snapshotRequest(db, { id: request.id });

    const attempts = [
      startDryRun(db, { actor: auditor, reference, version: request.version }),
      startErasure(db, { actor: auditor, reference, version: request.version }),
      retryFailedSources(db, { actor: auditor, reference, version: request.version, runId: randomUUID() }),
      confirmManualSource(db, { actor: auditor, reference, version: request.version, resultId: randomUUID(), note: 'Checked.' }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt)).code).toBe('FORBIDDEN');
    expect(await snapshotRequest(db, { id: request.id })).toEqual(untouched);

    const { runId } = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(runId);
    const stale = await refusal(startErasure(db, { actor: agent, reference, version: request.version }));
    expect(stale.code).toBe('CONFLICT');
    expect(
      await db
        .select()
        .from(fulfilmentRuns)
        .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'erase'))),
    ).toHaveLength(0);
  });

  it('[agent] must run the dry run again when the sources changed since it', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const { runId } = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(runId);
    const added = await sources.createManualSource();
    await sources.enableOnly([shopSource, added]);

    const refused = await refusal(startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) }));
    expect(refused.message).toContain('The data sources changed since the dry run');
  });
});

describe('[agent] asks the requester a question while the erasure runs', () => {
  it('the finished erasure still closes the request as fulfilled (the data is gone), with one confirmation', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });

    await requestInformation(db, {
      actor: agent,
      reference,
      version: await currentVersion(request.id),
      message: 'Do you also have an old account?',
    });
    expect((await getRequest(db, { id: request.id })).status).toBe('awaiting_requester');
    await runPendingSources(erase.runId);

    expect((await runOf(erase.runId)).status).toBe('succeeded');
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'fulfilled',
      closedAt: expect.any(Date),
      clockStoppedAt: null,
    });
    expect((await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'fulfilled')).toEqual([
      expect.objectContaining({ actorType: 'system', isVisibleToRequester: true }),
    ]);
    expect(await confirmationEmails(request.id)).toHaveLength(1);
  });
});

describe('[requester] cancels while the erasure runs', () => {
  it('the request stays cancelled: the finished erasure is recorded, but not reported as fulfilling it', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference, statusToken } = await deletionRequestForShopCustomer();
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });

    await cancelRequest(db, { token: statusToken, ip: null });
    await runPendingSources(erase.runId);

    expect((await runOf(erase.runId)).status).toBe('succeeded');
    expect((await getRequest(db, { id: request.id })).status).toBe('cancelled');
    const actions = await actionsOf(request.id);
    expect(actions).toContain('erasure_finished');
    expect(actions).not.toContain('fulfilled');
    expect(await confirmationEmails(request.id)).toHaveLength(0);
  });

  it('a dry run still under way is stopped: counting for a cancelled request serves nobody', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference, statusToken } = await deletionRequestForShopCustomer();
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });

    await cancelRequest(db, { token: statusToken, ip: null });
    await runPendingSources(dryRun.runId);

    expect(await runOf(dryRun.runId)).toMatchObject({ status: 'failed', error: 'Stopped: the request was closed.' });
    expect((await resultsOf(dryRun.runId))[0]).toMatchObject({ status: 'failed', attempts: 0 });
    expect(await actionsOf(request.id)).toContain('fulfilment_run_stopped');
  });
});

describe('[system] settles an erasure once when sources finish together', () => {
  it('two sources finishing at the same moment complete the request once, with one confirmation email', async () => {
    const first = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop D' });
    const table = `wishlist_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await shop.sql.unsafe(`create table ${table} (id bigserial primary key, email text not null, item text not null)`);
    const second = await sources.createShopSource({
      databaseUrl: shop.databaseUrl,
      name: 'Wishlist E',
      map: {
        tables: [{ schema: 'public', table, match: { column: 'email', equals: 'email' }, export: ['item'], erase: { action: 'delete' } }],
      },
    });
    await sources.enableOnly([first, second]);
    const { request, reference, email } = await deletionRequestForShopCustomer();
    await shop.sql.unsafe(`insert into ${table} (email, item) values ($1, 'tent')`, [email]);
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });

    const results = await resultsOf(erase.runId);
    await Promise.all(results.map((result) => runSource(db, { sourceResultId: result.id })));

    expect((await resultsOf(erase.runId)).map((result) => result.status)).toEqual(['succeeded', 'succeeded']);
    const actions = await actionsOf(request.id);
    expect(actions.filter((action) => action === 'erasure_finished')).toHaveLength(1);
    expect(actions.filter((action) => action === 'fulfilled')).toHaveLength(1);
    expect(await confirmationEmails(request.id)).toHaveLength(1);
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const rows = await db
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(and(eq(outboundEmails.requestId, request.id), eq(outboundEmails.template, 'erasure-confirmed')));
    expect(rows).toHaveLength(1);
  });
});

describe('[system] the last outcome and an agent acting on the request at the same moment', () => {
  it('do not deadlock: the outcome waits for the agent’s change, then closes the request', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const { request, reference } = await deletionRequestForShopCustomer();
    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: await currentVersion(request.id) });
    const [result] = await resultsOf(erase.runId);

    // As changeRequest does: the request's row lock first, its audit event later in the same transaction.
    let outcome: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, request.id)).for('update');
      outcome = runSource(db, { sourceResultId: result!.id });
      await eventually('the outcome to wait for the request’s lock', async () => {
        const [waiting] = await db.execute<{ count: number }>(
          sql`select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        return waiting!.count > 0;
      });
      await recordEvent(tx, { requestId: request.id, actor: { type: 'staff', staffId: agent.staffId }, action: 'note_added' });
    });
    await outcome;

    expect((await resultsOf(erase.runId))[0]!.status).toBe('succeeded');
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
  });
});
