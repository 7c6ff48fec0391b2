import { eq } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentAffectedPeople, incidentLookups } from '@/db/schema';
import { closeTransport } from '@/emails/transport';
import { env, resetEnvForTests } from '@/lib/env';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { useDemoShop, useTestSources, insertShopCustomer, uniqueShopEmail } from '@/test/support/demo-shop';
import { parse } from 'csv-parse/sync';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { isManifestSignatureValid, parseManifestLine } from '@/lib/audit/export-manifest';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { eventually } from '@/test/support/eventually';
import { aSubmission } from '@/test/support/fixtures';
import { submitVerifiedRequest } from '@/test/support/requests';
import { discardQueuedJobs, startJobWorker } from '@/test/support/job-worker';
import { refusal } from '@/test/support/request-snapshot';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { decryptAffectedEmail } from './affected-email-box';
import { deleteExpiredAffectedLists } from './delete-expired-affected-lists';
import { dryRunAffectedLookup } from './dry-run-affected-lookup';
import { findAffectedPeople } from './find-affected-people';
import { findNoticesForRequester } from './find-notices-for-requester';
import { getAffectedPeopleSummary } from './get-affected-people-summary';
import { getIncident } from './get-incident';
import { getIncidentReport } from './get-incident-report';
import { openIncident } from './open-incident';
import { saveIncidentNotice } from './save-incident-notice';
import { sendIncidentNotice } from './send-incident-notice';
import { startAffectedLookup } from './start-affected-lookup';
import { toWallClockTime } from './zoned-date-time';

const db = useTestDatabase();
const team = useStaffTeam(db);
const shop = useDemoShop();
const sources = useTestSources(db);

async function openShopIncident(sourceIds: string[]) {
  return openIncident(db, {
    actor: team.admin,
    input: {
      title: 'Customer table copied by a former contractor',
      description: 'An old contractor account read the customers table.',
      discoveredAt: toWallClockTime(new Date(Date.now() - 60 * 60 * 1000), env().TIME_ZONE),
      startedAt: undefined,
      regimes: ['uk_gdpr'],
      sourceIds,
      dataCategories: ['contact', 'identity'],
      likelyConsequences: 'Phishing.',
      measuresTaken: 'Account closed.',
    },
  });
}

/** Runs the lookup's job here, as the worker would, and returns the addresses on the incident's list, decrypted. */
async function runLookup(lookupId: string) {
  await findAffectedPeople(db, { lookupId });
  const [lookup] = await db.select().from(incidentLookups).where(eq(incidentLookups.id, lookupId));
  const people = await db.select().from(incidentAffectedPeople).where(eq(incidentAffectedPeople.incidentId, lookup!.incidentId));
  return {
    lookup: lookup!,
    people,
    emails: people.map((person) => decryptAffectedEmail(lookup!.incidentId, person.emailCiphertext)).sort(),
  };
}

describe('[admin] finds the people a breach affected in the demo shop', () => {
  it('a filter on when customers joined picks exactly the 10 of the 40 it describes: counted and sampled first, then listed encrypted', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const customers = await shop.sql<
      { email: string; created_at: Date }[]
    >`select email, created_at from customers order by created_at, id`;
    expect(customers).toHaveLength(40);
    // The 11th customer's joining time: the 10 before it are the affected ones.
    const cutoff = customers[10]!.created_at.toISOString();
    expect(customers[9]!.created_at.getTime()).toBeLessThan(customers[10]!.created_at.getTime());
    const affected = customers
      .slice(0, 10)
      .map((customer) => customer.email.toLowerCase())
      .sort();
    const reference = await openShopIncident([source.id]);
    const filter: TAffectedFilter = { table: 'customers', conditions: [{ column: 'created_at', operator: '<', value: cutoff }] };

    const dryRun = await dryRunAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter });
    expect(dryRun.people).toBe(10);
    expect(dryRun.sample).toEqual(affected);

    const lookupId = await startAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter });
    const { lookup, people, emails } = await runLookup(lookupId);

    expect(lookup).toMatchObject({ status: 'done', peopleFound: 10, peopleAdded: 10, error: null });
    expect(emails).toEqual(affected);
    for (const person of people) {
      expect(person.emailCiphertext).not.toContain('@');
      expect(person.emailHash).toBe(hashEmail(decryptAffectedEmail(person.incidentId, person.emailCiphertext)));
    }
    const { events } = await getIncident(db, { actor: team.auditor, reference });
    expect(events.map((event) => event.action)).toEqual(['incident_opened', 'incident_lookup_started', 'incident_people_found']);
  });

  it('a filter on a child table (orders over £150) reaches its customers through the map, each once; an uploaded list of ids adds only new people', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const expected = await shop.sql<{ email: string }[]>`
      select distinct lower(c.email) as email from customers c join orders o on o.customer_id = c.id where o.total_pence > 15000 order by 1`;
    expect(expected.length).toBeGreaterThan(0);
    const reference = await openShopIncident([source.id]);

    const bigOrders = await startAffectedLookup(db, {
      actor: team.admin,
      reference,
      sourceId: source.id,
      filter: { table: 'orders', conditions: [{ column: 'total_pence', operator: '>', value: '15000' }] },
    });
    expect((await runLookup(bigOrders)).emails).toEqual(expected.map((row) => row.email));

    const [first, second] = await shop.sql<
      { id: string; email: string }[]
    >`select id::text, lower(email) as email from customers order by id limit 2`;
    const byId = await startAffectedLookup(db, {
      actor: team.admin,
      reference,
      sourceId: source.id,
      filter: { table: 'customers', conditions: [{ column: 'id', operator: 'in', values: [first!.id, second!.id, '999999'] }] },
    });
    const { lookup, emails } = await runLookup(byId);
    expect(emails).toEqual([...new Set([...expected.map((row) => row.email), first!.email, second!.email])].sort());
    expect(lookup.peopleFound).toBe(2);
    expect(lookup.peopleAdded).toBe(2 - expected.filter((row) => [first!.email, second!.email].includes(row.email)).length);
  });

  it('binds values (an injection attempt matches nothing and harms nothing) and refuses names the map does not have', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const reference = await openShopIncident([source.id]);
    const injection = await dryRunAffectedLookup(db, {
      actor: team.admin,
      reference,
      sourceId: source.id,
      filter: { table: 'customers', conditions: [{ column: 'full_name', operator: '=', value: "x' or '1'='1" }] },
    });
    expect(injection).toEqual({ people: 0, sample: [] });

    const unknownColumn = await refusal(
      dryRunAffectedLookup(db, {
        actor: team.admin,
        reference,
        sourceId: source.id,
        filter: { table: 'customers', conditions: [{ column: 'password_hash', operator: 'is_not_empty' }] },
      }),
    );
    expect(unknownColumn).toMatchObject({ code: 'VALIDATION', details: { field: 'column' } });
    const unmappedTable = await refusal(
      startAffectedLookup(db, {
        actor: team.admin,
        reference,
        sourceId: source.id,
        filter: { table: 'pg_user', conditions: [{ column: 'usename', operator: 'is_not_empty' }] },
      }),
    );
    expect(unmappedTable).toMatchObject({ code: 'VALIDATION', details: { field: 'table' } });
    const otherSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const notInvolved = await refusal(
      dryRunAffectedLookup(db, {
        actor: team.admin,
        reference,
        sourceId: otherSource.id,
        filter: { table: 'customers', conditions: [{ column: 'id', operator: '=', value: '1' }] },
      }),
    );
    expect(notInvolved).toMatchObject({ code: 'VALIDATION', details: { field: 'sourceId' } });
  });

  it('deletes the list once the retention has passed since the incident last changed; the counts stay', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const reference = await openShopIncident([source.id]);
    const lookupId = await startAffectedLookup(db, {
      actor: team.admin,
      reference,
      sourceId: source.id,
      filter: { table: 'customers', conditions: [{ column: 'id', operator: 'in', values: ['1', '2', '3'] }] },
    });
    const { lookup } = await runLookup(lookupId);
    const { incident } = await getIncident(db, { actor: team.admin, reference });
    const { personalDataRetentionDays } = await getOrganisationSettings(db);
    const day = 86_400_000;

    await deleteExpiredAffectedLists(db, { now: new Date(incident.updatedAt.getTime() + (personalDataRetentionDays - 1) * day) });
    expect(await db.select().from(incidentAffectedPeople).where(eq(incidentAffectedPeople.incidentId, incident.id))).toHaveLength(3);

    await deleteExpiredAffectedLists(db, { now: new Date(incident.updatedAt.getTime() + (personalDataRetentionDays + 1) * day) });
    expect(await db.select().from(incidentAffectedPeople).where(eq(incidentAffectedPeople.incidentId, incident.id))).toHaveLength(0);
    const after = await getIncident(db, { actor: team.admin, reference });
    expect(after.incident.affectedListDeletedAt).not.toBeNull();
    expect(after.events.at(-1)).toMatchObject({ action: 'incident_affected_list_deleted', details: { people: 3 } });
    expect((await getAffectedPeopleSummary(db, { actor: team.admin, incident })).lookups).toMatchObject([
      { id: lookup.id, peopleFound: 3 },
    ]);
    expect(
      await refusal(startAffectedLookup(db, { actor: team.admin, reference, sourceId: source.id, filter: lookup.filter })),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('[agent] and [auditor] cannot search for or notify affected people', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const reference = await openShopIncident([source.id]);
    const filter: TAffectedFilter = { table: 'customers', conditions: [{ column: 'id', operator: '=', value: '1' }] };
    for (const actor of [team.agent, team.auditor]) {
      expect(await refusal(dryRunAffectedLookup(db, { actor, reference, sourceId: source.id, filter }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await refusal(startAffectedLookup(db, { actor, reference, sourceId: source.id, filter }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await refusal(sendIncidentNotice(db, { actor, reference, version: 1 }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('[admin] notifies the people affected', () => {
  let inbox: SmtpInbox;
  let worker: Runner;
  const originalSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    inbox = await startSmtpInbox(undefined, { refuseRecipient: (address) => address.startsWith('closed-') });
    process.env.SMTP_URL = inbox.url;
    resetEnvForTests();
    await discardQueuedJobs(db);
    worker = await startJobWorker();
  });

  afterAll(async () => {
    await worker?.stop();
    closeTransport();
    await inbox?.stop();
    process.env.SMTP_URL = originalSmtpUrl;
    resetEnvForTests();
  });

  it('delivers the notice once to each, flags the bounced address; a notified person sees it with a later request; the report and the register count them', async () => {
    const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
    const reached = [await insertShopCustomer(shop.sql), await insertShopCustomer(shop.sql), await insertShopCustomer(shop.sql)];
    const closed = await insertShopCustomer(shop.sql, { email: uniqueShopEmail('closed') });
    const reference = await openShopIncident([source.id]);
    const lookupId = await startAffectedLookup(db, {
      actor: team.admin,
      reference,
      sourceId: source.id,
      filter: {
        table: 'customers',
        conditions: [{ column: 'id', operator: 'in', values: [...reached, closed].map((customer) => String(customer.customerId)) }],
      },
    });
    await eventually(
      'the lookup to finish',
      async () => {
        const [lookup] = await db.select().from(incidentLookups).where(eq(incidentLookups.id, lookupId));
        return lookup!.status === 'done';
      },
      { timeoutMs: 30_000 },
    );
    const notice = {
      subject: 'Your shop account details may have been seen',
      whatHappened: 'A former contractor’s account read the customer table on 30 November.',
      dataInvolved: 'Your name, email address and phone number.',
      whatWeDid: 'We closed the account and told the ICO.',
      whatYouCanDo: 'Be wary of messages about your orders that ask for passwords.',
      contact: 'dpo@shop.example',
    };
    const before = await getIncident(db, { actor: team.admin, reference });
    await saveIncidentNotice(db, { actor: team.admin, input: { ...notice, reference, version: before.incident.version } });
    const saved = await getIncident(db, { actor: team.admin, reference });

    expect(await sendIncidentNotice(db, { actor: team.admin, reference, version: saved.incident.version })).toBe(4);
    expect(await refusal(sendIncidentNotice(db, { actor: team.admin, reference, version: saved.incident.version + 1 }))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });

    for (const customer of reached) {
      const [mail] = await inbox.waitFor(customer.email);
      expect(mail!.subject).toBe(notice.subject);
      expect(mail!.text).toContain('A former contractor’s account read the customer table');
      expect(mail!.text).toContain('dpo@shop.example');
    }
    const { incident } = await getIncident(db, { actor: team.admin, reference });
    const summary = await eventually('the deliveries to settle', async () => {
      const current = await getAffectedPeopleSummary(db, { actor: team.admin, incident });
      return current.progress.sent === 3 && current.progress.bounced === 1 ? current : null;
    });
    await inbox.waitForSilence();
    for (const customer of reached) expect(await inbox.waitFor(customer.email)).toHaveLength(1);
    expect(inbox.messages.filter((mail) => mail.subject === notice.subject)).toHaveLength(3);
    // Refused once, for good: not retried.
    expect(inbox.refused).toEqual([closed.email]);
    expect(summary.progress).toEqual({ listed: 4, queued: 4, sent: 3, bounced: 1, retrying: 0 });
    expect(summary.failures).toEqual([{ email: closed.email.toLowerCase(), state: 'bounced', error: expect.stringContaining('550') }]);
    expect(summary.lookups).toMatchObject([{ sourceName: source.name, status: 'done', peopleFound: 4 }]);
    // The auditor reads the progress but not the addresses.
    expect((await getAffectedPeopleSummary(db, { actor: team.auditor, incident })).failures).toEqual([]);

    const notified = await findNoticesForRequester(db, { emailHash: hashEmail(` ${reached[0]!.email.toUpperCase()} `) });
    expect(notified).toEqual([{ reference, sentAt: expect.any(Date), notice }]);
    expect(await findNoticesForRequester(db, { emailHash: hashEmail(closed.email) })).toEqual([]);
    expect(await findNoticesForRequester(db, { emailHash: hashEmail(uniqueShopEmail()) })).toEqual([]);

    // A notified person files a request later: their status page shows the notice.
    const later = await submitVerifiedRequest(db, { input: aSubmission({ email: reached[1]!.email }) });
    const status = await getRequestStatus(db, { token: later.statusToken });
    expect(status!.breachNotices).toEqual([{ reference, sentAt: expect.any(Date), notice }]);
    const stranger = await submitVerifiedRequest(db, { input: aSubmission({ email: uniqueShopEmail() }) });
    expect((await getRequestStatus(db, { token: stranger.statusToken }))!.breachNotices).toEqual([]);

    // The report: counts by system and by kind of data, the notice as sent, its deliveries, the timeline.
    const report = await getIncidentReport(db, { actor: team.auditor, reference });
    expect(report.peopleAffected).toBe(4);
    expect(report.countsBySource).toEqual([{ sourceName: source.name, searches: 1, peopleFound: 4, peopleAdded: 4 }]);
    expect(report.countsByCategory).toEqual([
      { category: 'contact', people: 4 },
      { category: 'identity', people: 4 },
    ]);
    expect(report.notice).toMatchObject({ subject: notice.subject, sentAt: expect.any(Date) });
    expect(report.notice!.text).toContain(notice.whatYouCanDo);
    expect(report.deliveries).toMatchObject({ sent: 3, bounced: 1 });
    expect(report.timeline.map((entry) => entry.label)).toEqual([
      'Breach recorded',
      'Search for affected people started',
      'Affected people found',
      'Notice to the people affected saved',
      'Notice sent to the people affected',
    ]);
    expect(JSON.stringify(report)).not.toContain(reached[0]!.email);

    // The register in the auditor's export, signed like the logs; the agent cannot export it.
    const download = await exportAuditLog(db, { actor: team.auditor, query: { log: 'incidents', format: 'csv' } });
    expect(download.fileName).toMatch(/^dsr-desk-breach-register-\d{8}T\d{6}Z\.csv$/);
    const text = await new Response(download.body).text();
    const lines = text.trimEnd().split('\n');
    const signed = parseManifestLine(lines.at(-1)!)!;
    expect(signed.manifest).toMatchObject({ log: 'incidents', rowCount: download.rowCount });
    expect(isManifestSignatureValid(signed.manifest, signed.signature)).toBe(true);
    const rows = parse(lines.slice(0, -1).join('\n'), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.reference === reference)).toMatchObject({
      title: 'Customer table copied by a former contractor',
      laws: 'uk_gdpr',
      systems: source.name,
      data_categories: 'contact; identity',
      regulator_decision: 'pending',
      people_affected: '4',
      notices_delivered: '3',
      notices_bounced: '1',
    });
    expect(text).not.toContain(reached[0]!.email);
    expect(await refusal(exportAuditLog(db, { actor: team.agent, query: { log: 'incidents', format: 'csv' } }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
