import { desc, eq } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { fulfilmentRuns } from '@/db/schema';
import { withMysqlSource } from '@/lib/data-sources/mysql/connect-mysql-source';
import { streamMysqlSubjectRows } from '@/lib/data-sources/mysql/stream-mysql-subject-rows';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { createCrmSource, crmFootprint, demoCrmMap, insertCrmContact, useDemoCrm } from '@/test/support/demo-crm';
import { mapWithTable } from '@/test/support/data-sources';
import { uniqueShopEmail, useTestSources } from '@/test/support/demo-shop';
import { readStoredZip } from '@/test/support/read-zip';
import { getRequest } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { buildPackage } from '../build-package';
import { startDryRun } from '../start-dry-run';
import { startErasure } from '../start-erasure';
import { startProcessingFlagRun } from '../start-processing-flag-run';

const db = useTestDatabase();
const crm = useDemoCrm();
const sources = useTestSources(db);
const staff = useStaffTeam(db);

async function latestRun(requestId: string) {
  const [run] = await db
    .select()
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, requestId))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  return run!;
}

async function useCrmSourceOnly(map: TMysqlMap = demoCrmMap) {
  const source = sources.track(await createCrmSource(db, { databaseUrl: crm.databaseUrl, map }));
  await sources.enableOnly([source]);
  return source;
}

/** A requester who is a CRM contact (stored with different case), and a neighbour contact. */
async function contactAndNeighbour(type: 'access' | 'deletion' | 'objection') {
  const verified = await createVerifiedRequest(db, { type, input: { fullName: 'Grace Hopper' } });
  const email = verified.input.email;
  const subject = await insertCrmContact(crm.connection, { email: email.toUpperCase(), fullName: 'Grace Hopper', shopCustomerId: 4242 });
  const neighbour = await insertCrmContact(crm.connection, { email: uniqueShopEmail('crm-neighbour'), fullName: 'Alan Turing' });
  return { ...verified, email, subject, neighbour };
}

describe('[system] gathers an access request from a MariaDB source', () => {
  it('the package holds the contact’s rows of every mapped table (JSON and CSV) and none of the neighbour’s', async () => {
    const source = await useCrmSourceOnly();
    const { request, subject, neighbour } = await contactAndNeighbour('access');
    const run = await latestRun(request.id);

    await runPendingSources(db, run.id);
    const [result] = await resultsOf(db, run.id);
    expect(result).toMatchObject({ status: 'succeeded', error: null, rowCounts: { contacts: 1, interactions: 2, deals: 1 }, rowsDone: 4 });
    await buildPackage(db, { runId: run.id });

    const built = await latestRun(request.id);
    expect(built.status).toBe('succeeded');
    const files = await readStoredZip(built.packageStorageKey!);
    const json = JSON.parse(files.get(`${source.slug}/${source.slug}.json`)!.toString('utf8'));
    // BIGINT columns come out as strings, as from PostgreSQL sources: never rounded.
    expect(json.tables.contacts).toEqual([
      {
        id: String(subject.contactId),
        shop_customer_id: '4242',
        email: subject.email,
        full_name: 'Grace Hopper',
        phone: '+44 20 7946 0000',
        created_at: '2024-02-03 10:00:00',
      },
    ]);
    expect(json.tables.interactions.map((row: { summary: string }) => row.summary)).toEqual([
      'Welcome call booked with Grace Hopper',
      'Asked about trade prices; sent the catalogue',
    ]);
    expect(json.tables.deals).toEqual([
      { id: expect.any(String), title: 'First order for Grace Hopper', amount_pence: 12000, closed_on: '2024-02-03' },
    ]);
    expect(files.get(`${source.slug}/interactions.csv`)!.toString('utf8').split('\n')[0]).toBe('id,happened_at,channel,summary');
    expect(files.get(`${source.slug}/${source.slug}.json`)!.toString('utf8')).not.toContain(neighbour.email);
  });

  it('streams a large table in bounded batches, every row once', async () => {
    const email = uniqueShopEmail('many-interactions');
    const { contactId } = await insertCrmContact(crm.connection, { email });
    await crm.connection.query(
      `insert into interactions (contact_id, happened_at, channel, summary)
       select ?, '2024-01-01 00:00:00', 'email', concat('note ', seq) from seq_1_to_2500`,
      [contactId],
    );
    const interactions = demoCrmMap.tables.find((table) => table.table === 'interactions')!;

    const sizes = await withMysqlSource(crm.databaseUrl, { allowPrivateTargets: true }, async ({ connection }) => {
      const seen: number[] = [];
      for await (const batch of streamMysqlSubjectRows(connection, demoCrmMap, interactions, { email, accountIdentifier: null }, 1000))
        seen.push(batch.length);
      return seen;
    });
    expect(sizes).toEqual([1000, 1000, 502]);
  });

  it('matches a hostile email as a value, never as SQL, and quotes reserved names from the map', async () => {
    await crm.connection.query('create table `select` (`from` varchar(254) not null, `where` text null)');
    await crm.connection.query('insert into `select` values (?, ?), (?, ?)', [
      "o'brien@example.test",
      'theirs',
      'other@example.test',
      'not theirs',
    ]);
    const map: TMysqlMap = {
      tables: [{ table: 'select', match: { column: 'from', equals: 'email' }, export: ['from', 'where'], erase: { action: 'delete' } }],
    };

    const rows = await withMysqlSource(crm.databaseUrl, { allowPrivateTargets: true }, async ({ connection }) => {
      const found: unknown[] = [];
      for await (const batch of streamMysqlSubjectRows(connection, map, map.tables[0]!, {
        email: "O'Brien@example.test",
        accountIdentifier: null,
      }))
        found.push(...batch);
      for await (const batch of streamMysqlSubjectRows(connection, map, map.tables[0]!, { email: "x' or '1'='1", accountIdentifier: null }))
        found.push(...batch);
      return found;
    });
    expect(rows).toEqual([{ from: "o'brien@example.test", where: 'theirs' }]);
  });
});

describe('[agent] dry-runs and erases a deletion request in a MariaDB source', () => {
  it('the dry run counts and changes nothing; erasure deletes children first, anonymises the contact, keeps the deals, and leaves the neighbour as it was', async () => {
    await useCrmSourceOnly();
    const { request, reference, subject, neighbour } = await contactAndNeighbour('deletion');
    const subjectBefore = await crmFootprint(crm.connection, subject.contactId);
    const neighbourBefore = await crmFootprint(crm.connection, neighbour.contactId);

    const dryRun = await startDryRun(db, { actor: staff.agent, reference, version: request.version });
    await runPendingSources(db, dryRun.runId);
    expect((await resultsOf(db, dryRun.runId))[0]).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 1, interactions: 2, deals: 1 },
      rowsDone: 3,
    });
    expect(await crmFootprint(crm.connection, subject.contactId)).toEqual(subjectBefore);

    const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(db, erase.runId);

    expect((await resultsOf(db, erase.runId))[0]).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 1, interactions: 2, deals: 1 },
      rowsDone: 3,
    });
    const after = await crmFootprint(crm.connection, subject.contactId);
    // interactions are found through the contact's email: deleted before the contact was anonymised.
    expect(after.interactions).toEqual([]);
    expect(after.deals).toEqual(subjectBefore.deals);
    expect(after.contacts).toEqual([
      expect.objectContaining({
        shop_customer_id: 4242,
        email: expect.stringMatching(/^erased-[0-9a-f]{32}$/),
        full_name: expect.stringMatching(/^erased-[0-9a-f]{32}$/),
        phone: null,
      }),
    ]);
    expect(await crmFootprint(crm.connection, neighbour.contactId)).toEqual(neighbourBefore);
  });

  it('one transaction per erasure: a table that fails undoes the tables erased before it', async () => {
    // Deleting contacts while their deals still point at them breaks the foreign key, after interactions went.
    const map: TMysqlMap = {
      tables: demoCrmMap.tables.map((table) => (table.table === 'contacts' ? { ...table, erase: { action: 'delete' } } : table)),
    };
    await useCrmSourceOnly(map);
    const { request, reference, subject } = await contactAndNeighbour('deletion');
    const before = await crmFootprint(crm.connection, subject.contactId);

    const dryRun = await startDryRun(db, { actor: staff.agent, reference, version: request.version });
    await runPendingSources(db, dryRun.runId);
    const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(db, erase.runId);

    const [result] = await resultsOf(db, erase.runId);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringContaining('foreign key') });
    expect(await crmFootprint(crm.connection, subject.contactId)).toEqual(before);
    const [[{ total }]] = await crm.connection.query<(RowDataPacket & { total: number })[]>(
      'select count(*) as total from interactions where contact_id = ?',
      [subject.contactId],
    );
    expect(Number(total)).toBe(2);
  });
});

describe('[agent] erasure executes the dry run’s plan and proves itself', () => {
  async function dryRunThenErase(reference: string, requestId: string, version: number, between: () => Promise<void> = async () => {}) {
    const dryRun = await startDryRun(db, { actor: staff.agent, reference, version });
    await runPendingSources(db, dryRun.runId);
    await between();
    const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: requestId })).version });
    await runPendingSources(db, erase.runId);
    return { dryRun, erase };
  }

  it('stops with the difference, erasing nothing, when the person gained a row since the dry run; a new dry run lets it through', async () => {
    await useCrmSourceOnly();
    const { request, reference, subject } = await contactAndNeighbour('deletion');

    const { dryRun, erase } = await dryRunThenErase(reference, request.id, request.version, async () => {
      await crm.connection.query(
        "insert into interactions (contact_id, happened_at, channel, summary) values (?, '2024-05-05 10:00:00', 'chat', 'Asked again')",
        [subject.contactId],
      );
    });
    const [planned] = await resultsOf(db, dryRun.runId);
    expect(planned!.plan).toEqual({
      contacts: { rows: 1, keyDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      interactions: { rows: 2, keyDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      deals: { rows: 1, keyDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const [stopped] = await resultsOf(db, erase.runId);
    expect(stopped).toMatchObject({
      status: 'failed',
      error:
        'The data changed since the dry run, so nothing was erased: interactions: 2 rows in the dry run, 3 rows now. Run a new dry run and review it.',
    });
    expect((await crmFootprint(crm.connection, subject.contactId)).interactions).toHaveLength(3);

    const again = await dryRunThenErase(reference, request.id, (await getRequest(db, { id: request.id })).version);
    expect((await resultsOf(db, again.erase.runId))[0]).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 1, interactions: 3, deals: 1 },
    });
  });

  it('notices the same number of rows that are not the same rows', async () => {
    await useCrmSourceOnly();
    const { request, reference, subject } = await contactAndNeighbour('deletion');

    const { erase } = await dryRunThenErase(reference, request.id, request.version, async () => {
      await crm.connection.query('delete from interactions where contact_id = ? order by id limit 1', [subject.contactId]);
      await crm.connection.query(
        "insert into interactions (contact_id, happened_at, channel, summary) values (?, '2024-05-05 10:00:00', 'chat', 'A new one')",
        [subject.contactId],
      );
    });

    expect((await resultsOf(db, erase.runId))[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('interactions: 2 rows as in the dry run, but not the same rows'),
    });
  });

  it('records the proof: the source queried again finds only the masked contact and the kept deal', async () => {
    await useCrmSourceOnly(
      mapWithTable(demoCrmMap, 0, (table): TMysqlMap['tables'][number] => ({
        ...table,
        erase: { action: 'anonymise', columns: { email: 'hash', full_name: { fixed: 'Erased contact' }, phone: 'null' } },
      })),
    );
    const { request, reference } = await contactAndNeighbour('deletion');

    const { erase } = await dryRunThenErase(reference, request.id, request.version);

    const [result] = await resultsOf(db, erase.runId);
    expect(result).toMatchObject({
      status: 'succeeded',
      plan: expect.objectContaining({ contacts: expect.objectContaining({ rows: 1 }) }),
    });
    // The contact's email is hashed, so nothing matches the person any more: zero rows is the proof.
    expect(result!.proof).toEqual({
      checkedAt: expect.any(String),
      isProven: true,
      tables: {
        contacts: { remaining: 0, masked: 0, isKept: false },
        interactions: { remaining: 0, masked: 0, isKept: false },
        deals: { remaining: 0, masked: 0, isKept: true },
      },
    });
  });

  it('fails the source with what it still found when a trigger undoes the mask', async () => {
    await useCrmSourceOnly();
    const { request, reference, subject } = await contactAndNeighbour('deletion');
    await crm.connection.query(`create trigger contacts_keep_email before update on contacts for each row set new.email = old.email`);
    try {
      const { erase } = await dryRunThenErase(reference, request.id, request.version);

      const [result] = await resultsOf(db, erase.runId);
      expect(result).toMatchObject({
        status: 'failed',
        error: 'Erased, but querying the source again still found the person: contacts: 1 row not erased.',
      });
      expect(result!.proof).toMatchObject({
        isProven: false,
        tables: { contacts: { remaining: 1, masked: 0 }, interactions: { remaining: 0 } },
      });
      expect((await crmFootprint(crm.connection, subject.contactId)).contacts[0]).toMatchObject({
        email: subject.email,
        full_name: expect.stringMatching(/^erased-/),
      });
    } finally {
      await crm.connection.query('drop trigger contacts_keep_email');
    }
  });
});

describe('[system] upholds an objection in a MariaDB source', () => {
  it('sets every column the map names, a value and a null, on the contact’s row only', async () => {
    const contactsIndex = demoCrmMap.tables.findIndex((table) => table.table === 'contacts');
    await useCrmSourceOnly(
      mapWithTable(demoCrmMap, contactsIndex, (table) => ({
        ...table,
        objection: [
          { column: 'full_name', value: 'Objected to marketing' },
          { column: 'phone', value: null },
        ],
      })),
    );
    const { request, reference, subject, neighbour } = await contactAndNeighbour('objection');
    const neighbourBefore = await crmFootprint(crm.connection, neighbour.contactId);

    const { runId, kind } = await startProcessingFlagRun(db, { actor: staff.agent, reference, version: request.version });
    await runPendingSources(db, runId);

    expect(kind).toBe('object');
    expect((await resultsOf(db, runId)).map((result) => [result.status, result.rowCounts])).toEqual([['succeeded', { contacts: 1 }]]);
    const [contact] = (await crmFootprint(crm.connection, subject.contactId)).contacts!;
    expect(contact).toMatchObject({ full_name: 'Objected to marketing', phone: null });
    expect(await crmFootprint(crm.connection, neighbour.contactId)).toEqual(neighbourBefore);
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'fulfilled' });
  });
});
