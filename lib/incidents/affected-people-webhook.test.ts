import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/callbacks/[source]/route';
import { incidentAffectedPeople, incidentLookups } from '@/db/schema';
import { env } from '@/lib/env';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { ZBreachLookupJob } from '@/lib/validation/webhook';
import { independentHmacHex, independentlySignedHeaders } from '@/test/support/independent-hmac';
import { refusal } from '@/test/support/request-snapshot';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { useWebhookHarness } from '@/test/support/webhook-harness';
import { createWebhookSource } from '@/test/support/webhook-sources';
import { decryptAffectedEmail } from './affected-email-box';
import { dryRunAffectedLookup } from './dry-run-affected-lookup';
import { expireAwaitedLookups } from './expire-awaited-lookups';
import { findAffectedPeople } from './find-affected-people';
import { getAffectedPeopleSummary } from './get-affected-people-summary';
import { getIncident } from './get-incident';
import { listLookupSources } from './list-lookup-sources';
import { openIncident } from './open-incident';
import { retryAffectedLookup } from './retry-affected-lookup';
import { startAffectedLookup } from './start-affected-lookup';
import { toWallClockTime } from './zoned-date-time';

const db = useTestDatabase();
const team = useStaffTeam(db);
const harness = useWebhookHarness(db);
afterAll(() => closeSharedDatabase());

const filter: TAffectedFilter = {
  table: 'customers',
  conditions: [
    { column: 'created_at', operator: '<', value: '2026-11-01' },
    { column: 'id', operator: 'in', values: ['7', '8'] },
  ],
};

/** An incident naming an enabled webhook source (callbacks reach enabled sources only), and a lookup started on it. */
async function aWebhookLookup(options: { maxAttempts?: number } = {}) {
  const { source, secret } = await createWebhookSource(db, { url: harness.receiver.url, isEnabled: true, ...options });
  harness.track(source);
  const reference = await openIncident(db, {
    actor: team.admin,
    input: {
      title: 'Support tool export leaked',
      description: 'A support tool export was shared by mistake.',
      discoveredAt: toWallClockTime(new Date(Date.now() - 60 * 60 * 1000), env().TIME_ZONE),
      startedAt: undefined,
      regimes: ['uk_gdpr'],
      sourceIds: [source.id],
      dataCategories: ['contact'],
      likelyConsequences: 'Phishing.',
      measuresTaken: 'Link revoked.',
    },
  });
  const lookupId = await startAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter });
  return { source, secret, reference, lookupId };
}

async function lookupState(lookupId: string) {
  const [lookup] = await db.select().from(incidentLookups).where(eq(incidentLookups.id, lookupId));
  const people = await db.select().from(incidentAffectedPeople).where(eq(incidentAffectedPeople.lookupId, lookupId));
  return {
    lookup: lookup!,
    people,
    emails: people.map((person) => decryptAffectedEmail(lookup!.incidentId, person.emailCiphertext)).sort(),
  };
}

function jobsSent() {
  return harness.receiver.calls.map((call) => ZBreachLookupJob.parse(JSON.parse(call.rawBody)));
}

/** POSTs /api/callbacks/<slug> through the route handler, signed as the receiving system would (WebCrypto, not our code). */
async function sendCallback(slug: string, body: unknown, secret: string): Promise<Response> {
  const rawBody = JSON.stringify(body);
  const request = new Request(`http://localhost:3999/api/callbacks/${slug}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await independentlySignedHeaders(secret, rawBody)) },
    body: rawBody,
  });
  return POST(request, { params: Promise.resolve({ source: slug }) });
}

async function queuedRuns(lookupId: string): Promise<number> {
  const [queued] = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from graphile_worker._private_jobs job join graphile_worker._private_tasks task on task.id = job.task_id
        where task.identifier = 'find-affected-people' and job.payload->>'lookupId' = ${lookupId}`,
  );
  return queued!.count;
}

describe('[admin] finds the people a breach affected in a webhook source', () => {
  it('sends signed breach_lookup jobs page by page; everyone is listed once, encrypted; a bad address is counted as rejected', async () => {
    const { source, secret, reference, lookupId } = await aWebhookLookup();
    harness.receiver.replyWith(
      {
        status: 200,
        body: {
          status: 'completed',
          people: [
            { email: 'ada@example.test' },
            { email: 'Bob@Example.test' },
            { email: ' ADA@example.test ' },
            { email: 'not an email' },
          ],
          next: 'page-2',
        },
      },
      { status: 200, body: { status: 'completed', people: [{ email: 'bob@example.test' }, { email: 'cy@example.test' }], next: null } },
    );

    await findAffectedPeople(db, { lookupId });

    const [first, second] = jobsSent();
    expect(first).toEqual({
      jobId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      type: 'breach_lookup',
      dryRun: false,
      reference,
      filter,
      cursor: null,
      callbackUrl: `http://localhost:3999/api/callbacks/${source.slug}`,
    });
    expect(second).toMatchObject({ type: 'breach_lookup', cursor: 'page-2', filter });
    expect(second!.jobId).not.toBe(first!.jobId);
    for (const call of harness.receiver.calls)
      expect(call.headers['x-dsr-desk-signature']).toBe(
        `v1=${await independentHmacHex(secret, `${call.headers['x-dsr-desk-timestamp']}.${call.rawBody}`)}`,
      );
    const { lookup, people, emails } = await lookupState(lookupId);
    expect(emails).toEqual(['ada@example.test', 'bob@example.test', 'cy@example.test']);
    expect(lookup).toMatchObject({ status: 'done', peopleFound: 3, peopleAdded: 3, peopleRejected: 1, error: null, callbackJobId: null });
    for (const person of people) {
      expect(person.emailCiphertext).not.toContain('@');
      expect(person.emailHash).toBe(hashEmail(decryptAffectedEmail(person.incidentId, person.emailCiphertext)));
    }
    const { events } = await getIncident(db, { actor: team.auditor, reference });
    expect(events.map((event) => event.action)).toEqual(['incident_opened', 'incident_lookup_started', 'incident_people_found']);
    expect(events.at(-1)!.details).toMatchObject({ peopleFound: 3, peopleAdded: 3, peopleRejected: 1 });
  });

  it.each([
    [
      'an answer that breaks the contract',
      { status: 200, body: { status: 'completed', people: 'everyone' } },
      /does not follow the contract/,
    ],
    ['an HTTP error', { status: 404, body: { error: 'no such route' } }, /Answered HTTP 404/],
    ['a reported failure', { status: 200, body: { status: 'failed', error: 'CRM offline' } }, /reported a failure: CRM offline/],
  ])(
    'fails the search on %s, with the reason on the incident page, and keeps the people of earlier pages',
    async (_case, reply, reason) => {
      const { source, reference, lookupId } = await aWebhookLookup({ maxAttempts: 1 });
      harness.receiver.replyWith(
        { status: 200, body: { status: 'completed', people: [{ email: 'early@example.test' }], next: 'p2' } },
        reply,
      );

      await findAffectedPeople(db, { lookupId });

      const { lookup, emails } = await lookupState(lookupId);
      expect(lookup).toMatchObject({ status: 'failed', peopleFound: 1, error: expect.stringMatching(reason) });
      expect(lookup.error).toMatch(new RegExp(`^Could not search ${source.name}: `));
      expect(emails).toEqual(['early@example.test']);
      const { incident, events } = await getIncident(db, { actor: team.admin, reference });
      expect((await getAffectedPeopleSummary(db, { actor: team.admin, incident })).lookups).toMatchObject([
        { id: lookupId, status: 'failed', error: lookup.error },
      ]);
      expect(events.at(-1)).toMatchObject({ action: 'incident_lookup_failed' });
      // Run again by staff (not by an agent): a new search with the same source and filter.
      expect(await refusal(retryAffectedLookup(db, { actor: team.agent, input: { reference, lookupId } }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      harness.receiver.replyWith({ status: 200, body: { status: 'completed', people: [{ email: 'late@example.test' }] } });
      const again = await retryAffectedLookup(db, { actor: team.admin, input: { reference, lookupId } });
      await findAffectedPeople(db, { lookupId: again });
      expect((await lookupState(again)).lookup).toMatchObject({
        sourceId: source.id,
        filter,
        status: 'done',
        peopleFound: 1,
        peopleAdded: 1,
      });
      expect(jobsSent().at(-1)).toMatchObject({ filter, cursor: null });
      expect(await refusal(retryAffectedLookup(db, { actor: team.admin, input: { reference, lookupId: again } }))).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
    },
  );

  it('waits for a signed callback after a 202: a wrong signature is refused, the right one adds the page and queues the next, a replay is refused', async () => {
    const { source, secret, lookupId } = await aWebhookLookup();
    harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });

    await findAffectedPeople(db, { lookupId });

    const [job] = jobsSent();
    expect((await lookupState(lookupId)).lookup).toMatchObject({ status: 'awaiting_callback', callbackJobId: job!.jobId });
    const page = { jobId: job!.jobId, status: 'completed', people: [{ email: 'dee@example.test' }], next: 'after-dee' };

    const forged = await sendCallback(source.slug, page, `${secret}-not`);
    expect(forged.status).toBe(401);
    expect((await lookupState(lookupId)).lookup).toMatchObject({ status: 'awaiting_callback', peopleFound: 0 });

    expect(await queuedRuns(lookupId)).toBe(1);
    const signed = await sendCallback(source.slug, page, secret);
    expect(signed.status).toBe(200);
    const afterCallback = await lookupState(lookupId);
    expect(afterCallback.lookup).toMatchObject({ status: 'queued', peopleFound: 1, webhookCursor: 'after-dee', callbackJobId: null });
    expect(afterCallback.emails).toEqual(['dee@example.test']);
    // The start queued the first run (not run by a worker here); the callback queued one more, for the next page.
    expect(await queuedRuns(lookupId)).toBe(2);
    expect((await sendCallback(source.slug, page, secret)).status).toBe(409);

    // The worker runs the queued job: the next page, answered at once, is the last.
    harness.receiver.replyWith({
      status: 200,
      body: { status: 'completed', people: [{ email: 'dee@example.test' }, { email: 'eve@example.test' }] },
    });
    await findAffectedPeople(db, { lookupId });
    expect(jobsSent()[1]).toMatchObject({ cursor: 'after-dee' });
    const done = await lookupState(lookupId);
    expect(done.lookup).toMatchObject({ status: 'done', peopleFound: 2, peopleAdded: 2, webhookCursor: null });
    expect(done.emails).toEqual(['dee@example.test', 'eve@example.test']);
  });

  it('fails a callback that breaks the contract, and a search whose callback never comes', async () => {
    const broken = await aWebhookLookup();
    harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });
    await findAffectedPeople(db, { lookupId: broken.lookupId });
    const [job] = jobsSent();
    const response = await sendCallback(broken.source.slug, { jobId: job!.jobId, status: 'completed', people: 3 }, broken.secret);
    expect(response.status).toBe(400);
    expect((await lookupState(broken.lookupId)).lookup).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/sent a callback that does not follow the contract/),
    });

    const silent = await aWebhookLookup();
    await findAffectedPeople(db, { lookupId: silent.lookupId });
    const { lookup } = await lookupState(silent.lookupId);
    expect(await expireAwaitedLookups(db, { now: new Date(lookup.awaitingCallbackSince!.getTime() + 71 * 3_600_000) })).toBe(0);
    expect(await expireAwaitedLookups(db, { now: new Date(lookup.awaitingCallbackSince!.getTime() + 73 * 3_600_000) })).toBe(1);
    expect((await lookupState(silent.lookupId)).lookup).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/sent no answer within 72 hours/),
    });
  });

  it('offers the webhook source on the form; it has no dry run; [agent] and [auditor] cannot start a search', async () => {
    const { source, reference } = await aWebhookLookup();
    const { incident } = await getIncident(db, { actor: team.admin, reference });
    expect(await listLookupSources(db, { actor: team.admin, incident })).toEqual([
      { id: source.id, name: source.name, kind: 'webhook', tables: [] },
    ]);
    expect(await refusal(dryRunAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter }))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'sourceId' },
    });
    for (const actor of [team.agent, team.auditor]) {
      expect(await refusal(startAffectedLookup(db, { actor, reference, sourceId: source.id, filter }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await db.select().from(incidentLookups).where(eq(incidentLookups.incidentId, incident.id))).toHaveLength(1);
    expect(harness.receiver.calls).toHaveLength(0);
  });
});
