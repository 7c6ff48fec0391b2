import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dataSources } from '@/db/schema';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { insertShopCustomer } from '@/test/support/demo-shop';
import { listOutboundEmails } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useProcessingRunSetup, signedJob } from '@/test/support/processing-run-setup';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { createWebhookSource } from '@/test/support/webhook-sources';
import { confirmManualSource } from './confirm-manual-source';
import { startCorrectionJobs } from './start-correction-jobs';
import { startProcessingFlagRun } from './start-processing-flag-run';

const db = useTestDatabase();
const setup = useProcessingRunSetup(db);
const { shop, sources, harness } = setup;

async function consentOf(customerId: number) {
  const [row] = await shop.sql<{ marketing_opt_in: boolean; sale_opt_out: boolean }[]>`
    select marketing_opt_in, sale_opt_out from customers where id = ${customerId}`;
  return row!;
}

describe('[agent] applies an opt-out in every source', () => {
  it('sets the demo shop’s consent column for the requester only, sends a signed opt_out job, and closes the request with the opt-out email', async () => {
    const { request, reference, input } = await createVerifiedRequest(db, { type: 'marketing_unsubscribe', jurisdiction: 'us_ca_ccpa' });
    const customer = await insertShopCustomer(shop.sql, { email: input.email });
    const neighbour = await insertShopCustomer(shop.sql);
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop database (opt-out test)' });
    const hook = await createWebhookSource(db, { url: harness.receiver.url });
    sources.track(hook.source);
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', rowCounts: { subscribers: 1 } } });
    await sources.enableOnly([shopSource, hook.source]);

    const { runId } = await startProcessingFlagRun(db, { actor: setup.agent, reference, version: request.version });
    await runPendingSources(db, runId);

    expect(await consentOf(customer.customerId)).toEqual({ marketing_opt_in: false, sale_opt_out: false });
    expect(await consentOf(neighbour.customerId)).toEqual({ marketing_opt_in: true, sale_opt_out: false });
    expect((await resultsOf(db, runId)).map((result) => [result.sourceName, result.status, result.rowCounts])).toEqual(
      expect.arrayContaining([
        ['Shop database (opt-out test)', 'succeeded', { customers: 1 }],
        [hook.source.name, 'succeeded', { subscribers: 1 }],
      ]),
    );

    expect(harness.receiver.calls).toHaveLength(1);
    const job = await signedJob(harness.receiver.calls[0]!, hook.secret);
    expect(job).toMatchObject({ type: 'opt_out', optOut: 'marketing_unsubscribe', reference, subject: { email: input.email } });

    const closed = await getRequest(db, { id: request.id });
    expect(closed).toMatchObject({ status: 'fulfilled' });
    expect(closed.responseMessage).toContain('We no longer send you marketing.');
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['opt_out_started', 'opt_out_applied', 'fulfilled']),
    );
    const email = (await listOutboundEmails(db, { requestId: request.id })).find((row) => row.template === 'opt-out-confirmed')!;
    await deliverOutboundEmail(db, { outboundEmailId: email.id });
    const [mail] = await setup.inbox.waitFor(input.email);
    expect(mail!.subject).toBe(`Your opt-out ${reference} is done`);
    expect(mail!.text).toContain('We no longer send you marketing.');
    expect(mail!.text).toContain('Shop database (opt-out test)');
  });

  it('[requester] who asked in German gets the opt-out email and the status page’s closing message in German', async () => {
    const { request, reference, input, statusToken } = await createVerifiedRequest(db, {
      type: 'marketing_unsubscribe',
      jurisdiction: 'us_ca_ccpa',
      input: { language: 'de' },
    });
    await insertShopCustomer(shop.sql, { email: input.email });
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop database (German opt-out test)' });
    await sources.enableOnly([shopSource]);

    const { runId } = await startProcessingFlagRun(db, { actor: setup.agent, reference, version: request.version });
    await runPendingSources(db, runId);

    const germanClosing = 'Wir senden Ihnen keine Werbung mehr. Umgesetzt haben wir es in: Shop database (German opt-out test).';
    expect((await getRequest(db, { id: request.id })).responseMessage).toBe(germanClosing);
    expect((await getRequestStatus(db, { token: statusToken }))?.responseMessage).toBe(germanClosing);
    const email = (await listOutboundEmails(db, { requestId: request.id })).find((row) => row.template === 'opt-out-confirmed')!;
    await deliverOutboundEmail(db, { outboundEmailId: email.id });
    const [mail] = await setup.inbox.waitFor(input.email);
    expect(mail!.subject).toBe(`Ihr Opt-out ${reference} ist umgesetzt`);
    expect(mail!.text).toContain('Wir senden Ihnen keine Werbung mehr.');
    expect(mail!.text).toContain('Umgesetzt haben wir es in: Shop database (German opt-out test).');
  });

  it('an opt-out of sale sets sale_opt_out; a checklist source keeps the request open until an agent confirms it', async () => {
    const { request, reference, input } = await createVerifiedRequest(db, { type: 'opt_out_sale', jurisdiction: 'us_ca_ccpa' });
    const customer = await insertShopCustomer(shop.sql, { email: input.email });
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const checklist = await sources.createManualSource({ name: 'Ad partners (opt-out test)' });
    const backups = await sources.createManualSource({ name: 'Backups (opt-out test)' });
    // A checklist source that holds live data (used for access) takes the opt-out; backups, never read for access, do not.
    await db.update(dataSources).set({ usedForAccess: true }).where(eq(dataSources.id, checklist.id));
    await sources.enableOnly([shopSource, checklist, backups]);

    const { runId } = await startProcessingFlagRun(db, { actor: setup.agent, reference, version: request.version });
    await runPendingSources(db, runId);
    expect(await consentOf(customer.customerId)).toEqual({ marketing_opt_in: true, sale_opt_out: true });
    const waiting = await getRequest(db, { id: request.id });
    expect(waiting).toMatchObject({ status: 'in_progress' });

    const results = await resultsOf(db, runId);
    expect(results.map((result) => result.sourceName)).not.toContain('Backups (opt-out test)');
    const item = results.find((result) => result.sourceKind === 'manual')!;
    expect(item.status).toBe('awaiting_confirmation');
    await confirmManualSource(db, {
      actor: setup.agent,
      reference,
      version: waiting.version,
      resultId: item.id,
      note: 'Sent the opt-out to our ad partners.',
    });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'fulfilled' });
  });

  it('refuses an opt-out run on a request that is not an opt-out', async () => {
    const { request, reference } = await createVerifiedRequest(db, { type: 'access' });
    expect(await refusal(startProcessingFlagRun(db, { actor: setup.agent, reference, version: request.version }))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});

describe('[agent] sends a correction to webhook and checklist sources', () => {
  it('posts a signed correct job with the requester’s description and fields; database sources are left to the value-by-value form', async () => {
    const { request, reference, input } = await createVerifiedRequest(db, {
      type: 'correction',
      input: { details: 'My phone number is +44 7700 900999.', correctionFields: [{ field: 'phone', shouldBe: '+44 7700 900999' }] },
    });
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const hook = await createWebhookSource(db, { url: harness.receiver.url });
    sources.track(hook.source);
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', rowCounts: { contacts: 1 } } });
    await sources.enableOnly([shopSource, hook.source]);

    const { runId } = await startCorrectionJobs(db, { actor: setup.agent, reference, version: request.version });
    expect((await resultsOf(db, runId)).map((result) => result.sourceId)).toEqual([hook.source.id]);
    await runPendingSources(db, runId);

    const job = await signedJob(harness.receiver.calls[0]!, hook.secret);
    expect(job).toMatchObject({
      type: 'correct',
      dryRun: false,
      reference,
      subject: { email: input.email },
      correction: { details: 'My phone number is +44 7700 900999.', fields: [{ field: 'phone', shouldBe: '+44 7700 900999' }] },
    });
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['correction_jobs_started', 'correction_jobs_finished']),
    );
    // The agent closes a correction themselves, once every system is corrected.
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'in_progress' });
  });
});
