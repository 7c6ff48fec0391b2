import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dataSources } from '@/db/schema';
import { checkDatabaseSource } from '@/lib/data-sources/check-database-source';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { demoShopMap, insertShopCustomer } from '@/test/support/demo-shop';
import { listOutboundEmails } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useProcessingRunSetup, signedJob } from '@/test/support/processing-run-setup';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { createWebhookSource } from '@/test/support/webhook-sources';
import { confirmManualSource } from './confirm-manual-source';
import { startProcessingFlagRun } from './start-processing-flag-run';

const db = useTestDatabase();
const setup = useProcessingRunSetup(db);
const { shop, sources, harness } = setup;

async function flagsOf(customerId: number) {
  const [row] = await shop.sql<{ processing_restricted: boolean; marketing_opt_in: boolean; profiling_allowed: boolean }[]>`
    select processing_restricted, marketing_opt_in, profiling_allowed from customers where id = ${customerId}`;
  return row!;
}

/**
 * A request of `type` for a new shop customer with a neighbour, applied through the shop, a webhook
 * source and a checklist source; returns what each saw, with the request still waiting on the checklist.
 */
async function applyThroughEverySourceKind(type: 'restriction' | 'objection', details: string) {
  const { request, reference, input } = await createVerifiedRequest(db, { type, input: { details } });
  const customer = await insertShopCustomer(shop.sql, { email: input.email });
  const neighbour = await insertShopCustomer(shop.sql);
  const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: `Shop database (${type} test)` });
  const hook = await createWebhookSource(db, { url: harness.receiver.url });
  sources.track(hook.source);
  harness.receiver.replyWith({ status: 200, body: { status: 'completed', rowCounts: { contacts: 1 } } });
  const checklist = await sources.createManualSource({ name: `Call centre (${type} test)` });
  await db.update(dataSources).set({ usedForAccess: true }).where(eq(dataSources.id, checklist.id));
  await sources.enableOnly([shopSource, hook.source, checklist]);

  const { runId, kind } = await startProcessingFlagRun(db, { actor: setup.agent, reference, version: request.version });
  harness.receiver.calls.length = 0;
  await runPendingSources(db, runId);
  const results = await resultsOf(db, runId);
  const job = await signedJob(harness.receiver.calls.at(-1)!, hook.secret);
  return { request, reference, input, customer, neighbour, kind, runId, results, job, hook };
}

async function closeChecklistItem(reference: string, requestId: string, runId: string) {
  const waiting = await getRequest(db, { id: requestId });
  expect(waiting).toMatchObject({ status: 'in_progress' });
  const item = (await resultsOf(db, runId)).find((result) => result.sourceKind === 'manual')!;
  expect(item.status).toBe('awaiting_confirmation');
  await confirmManualSource(db, { actor: setup.agent, reference, version: waiting.version, resultId: item.id, note: 'Done by phone.' });
}

async function deliveredMail(requestId: string, template: string, email: string) {
  const row = (await listOutboundEmails(db, { requestId })).find((candidate) => candidate.template === template);
  expect(row, `a ${template} email is queued`).toBeDefined();
  await deliverOutboundEmail(db, { outboundEmailId: row!.id });
  const [mail] = await setup.inbox.waitFor(email);
  return mail!;
}

describe('[agent] applies a restriction (GDPR Art. 18) in every source', () => {
  it('sets processing_restricted on the requester’s rows only, sends a signed restrict job, waits for the checklist, then closes with the restriction email', async () => {
    const { request, reference, input, customer, neighbour, kind, runId, results, job } = await applyThroughEverySourceKind(
      'restriction',
      'Please stop using my data while you check my address.',
    );
    expect(kind).toBe('restrict');
    expect(await flagsOf(customer.customerId)).toEqual({ processing_restricted: true, marketing_opt_in: true, profiling_allowed: true });
    expect(await flagsOf(neighbour.customerId)).toEqual({ processing_restricted: false, marketing_opt_in: true, profiling_allowed: true });
    expect(results.find((result) => result.sourceKind === 'postgres')).toMatchObject({ status: 'succeeded', rowCounts: { customers: 1 } });
    expect(job).toMatchObject({ type: 'restrict', dryRun: false, reference, subject: { email: input.email } });
    expect(job.optOut).toBeUndefined();

    await closeChecklistItem(reference, request.id, runId);
    const closed = await getRequest(db, { id: request.id });
    expect(closed).toMatchObject({ status: 'fulfilled' });
    expect(closed.responseMessage).toContain('We restricted the processing of your personal data');
    expect(closed.responseMessage).toContain('Shop database (restriction test)');
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['restriction_started', 'restriction_applied', 'fulfilled']),
    );
    const mail = await deliveredMail(request.id, 'restriction-applied', input.email);
    expect(mail.subject).toBe(`We have restricted the use of your data (${reference})`);
    expect(mail.text).toContain('Shop database (restriction test)');
  });

  it('refuses a restriction run on a request of another type, and an opt-out is still its own run', async () => {
    const access = await createVerifiedRequest(db, { type: 'access' });
    expect(
      await refusal(startProcessingFlagRun(db, { actor: setup.agent, reference: access.reference, version: access.request.version })),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    await sources.enableOnly([shopSource]);
    const optOut = await createVerifiedRequest(db, { type: 'opt_out_sale', jurisdiction: 'us_ca_ccpa' });
    const { kind } = await startProcessingFlagRun(db, { actor: setup.agent, reference: optOut.reference, version: optOut.request.version });
    expect(kind).toBe('opt_out');
  });
});

describe('[agent] upholds an objection (GDPR Art. 21) in every source', () => {
  it('clears marketing and profiling on the requester’s rows only, sends a signed object job with their words, and closes with the objection email', async () => {
    const { request, reference, input, customer, neighbour, kind, runId, job } = await applyThroughEverySourceKind(
      'objection',
      'I object to direct marketing and to profiling.',
    );
    expect(kind).toBe('object');
    expect(await flagsOf(customer.customerId)).toEqual({ processing_restricted: false, marketing_opt_in: false, profiling_allowed: false });
    expect(await flagsOf(neighbour.customerId)).toEqual({ processing_restricted: false, marketing_opt_in: true, profiling_allowed: true });
    expect(job).toMatchObject({
      type: 'object',
      reference,
      subject: { email: input.email },
      objection: { details: 'I object to direct marketing and to profiling.' },
    });

    await closeChecklistItem(reference, request.id, runId);
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'fulfilled' });
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['objection_started', 'objection_applied', 'fulfilled']),
    );
    const mail = await deliveredMail(request.id, 'objection-upheld', input.email);
    expect(mail.subject).toBe(`We have stopped using your data as you asked (${reference})`);
  });
});

describe('[admin] saves a map with restriction and objection actions', () => {
  it('accepts the demo map and names, with its path, each column that does not exist or cannot be set', async () => {
    await checkDatabaseSource(shop.databaseUrl, { kind: 'postgres', map: demoShopMap }, { allowPrivateTargets: true });
    const customers = demoShopMap.tables.find((table) => table.table === 'customers')!;
    const map: TPostgresMap = {
      tables: [
        {
          ...customers,
          restriction: { column: 'no_such_flag', value: true },
          objection: [
            { column: 'marketing_opt_in', value: false },
            { column: 'id', value: 0 },
            { column: 'profiling_allowed', value: null },
          ],
        },
      ],
    };
    const bad = await refusal(checkDatabaseSource(shop.databaseUrl, { kind: 'postgres', map }, { allowPrivateTargets: true }));
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect((bad.details as { fieldErrors: { map: string[] } }).fieldErrors.map).toEqual([
      'tables[0].restriction.column: Column "no_such_flag" does not exist in table public.customers',
      'tables[0].objection[1].column: "id" ties the row to the person or to other rows: objection cannot set it',
      'tables[0].objection[2].value: "profiling_allowed" does not allow null',
    ]);
  });
});
