import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { isAppError } from '@/lib/errors/app-error';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { prepareDatabase } from '@/scripts/prepare-database';
import { databaseError } from '@/test/support/database-error';
import { provisionPostgres, type ProvisionedDatabase } from '@/test/support/provision-postgres';
import { canonicalEventText } from './canonical-event-text';
import { readChainBatch } from './read-chain-batch';
import { recordEvent } from './record-event';
import { verifyAuditChain } from './verify-audit-chain';

// Tampering needs a chain of its own, with no events from the seed: this file works in an
// empty, freshly migrated database on the same server, dropped afterwards.
let provisioned: ProvisionedDatabase;
let db: Database;
let closeDb: () => Promise<void>;

const auditor: StaffActor = { staffId: randomUUID(), email: 'auditor@example.test', name: 'Test auditor', role: 'auditor' };
const agent: StaffActor = { staffId: randomUUID(), email: 'agent@example.test', name: 'Test agent', role: 'agent' };

beforeAll(async () => {
  provisioned = await provisionPostgres('audit');
  await prepareDatabase(provisioned.databaseUrl);
  ({ db, close: closeDb } = createDatabase(provisioned.databaseUrl, { max: 5 }));
});

afterAll(async () => {
  await closeDb?.();
  await provisioned?.stop();
});

async function writeEvents(count: number, label: string): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await recordEvent(db, { requestId: null, actor: { type: 'staff', staffId: auditor.staffId }, action: 'probe', details: { label, index } });
  }
}

async function eventIds(): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`select id::int as id from request_events order by id`);
  return rows.map((row) => row.id);
}

/** As the superuser, with the guard trigger off only for this statement's transaction. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table request_events disable trigger request_events_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table request_events enable always trigger request_events_no_update_delete`);
  });
}

describe('audit chain', () => {
  it('[auditor] verifies an untouched chain as intact, batch after batch', async () => {
    await writeEvents(7, 'intact');
    const progress: number[] = [];
    const result = await verifyAuditChain(db, { actor: auditor, batchSize: 3, onProgress: ({ checkedCount }) => progress.push(checkedCount) });
    const ids = await eventIds();
    expect(result).toMatchObject({ isIntact: true, firstBreak: null, checkedCount: 7 });
    // The run's own event is written after the snapshot it verified.
    expect(result.head!.eventId).toBe(ids.at(-2));
    expect(progress).toEqual([3, 6, 7]);
  });

  it('chains events the way the JS verifier recomputes them, whatever the field contents', async () => {
    await recordEvent(db, {
      requestId: null,
      actor: { type: 'requester' },
      action: 'probe "quoted" \\ back\nslash\t\u0001 ünïcödé 😀 \u2028',
      details: { z: 1.5, a: [1, 2.50, 'x'], nested: { b: null, a: true }, big: 12345678901234567890, tiny: 1e-7, text: '</script>' },
      ip: '2001:db8::1',
      isVisibleToRequester: true,
    });
    await recordEvent(db, { requestId: null, actor: { type: 'system' }, action: 'probe', ip: '203.0.113.9' });
    const [head] = await db.execute<{ id: string }>(sql`select max(id)::text as id from request_events`);
    const rows = await readChainBatch(db, { afterId: '0', throughId: head!.id, limit: 1000 });
    const inDatabase = await db.execute<{ canonical: string }>(sql`select audit_event_canonical_text(e) as canonical from request_events e order by id`);
    expect(rows.map((row) => canonicalEventText(row))).toEqual(inDatabase.map((row) => row.canonical));
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even for the superuser', async () => {
    const [first] = await eventIds();
    const refusal = 'request_events is append-only';
    expect(await databaseError(db.execute(sql`update request_events set action = 'changed' where id = ${first}`))).toContain(refusal);
    expect(await databaseError(db.execute(sql`delete from request_events where id = ${first}`))).toContain(refusal);
    expect(await databaseError(db.execute(sql`truncate request_events`))).toContain(refusal);
    const asReplica = db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update request_events set action = 'changed' where id = ${first}`);
    });
    expect(await databaseError(asReplica)).toContain(refusal);
  });

  it('ignores hash values a writer supplies and chains the row itself', async () => {
    await db.execute(sql`insert into request_events (actor_type, action, previous_hash, hash) values ('system', 'forged', 'x', 'y')`);
    const [row] = await db.execute<{ hash: string }>(sql`select hash from request_events where action = 'forged'`);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('names the event whose details were changed behind the trigger’s back', async () => {
    await writeEvents(3, 'before-tamper');
    const ids = await eventIds();
    const target = ids[ids.length - 2]!;
    const [original] = await db.execute<{ details: string }>(sql`select details::text from request_events where id = ${target}`);
    await tamper(sql`update request_events set details = '{"label":"rewritten"}' where id = ${target}`);

    const result = await verifyAuditChain(db, { actor: auditor });
    expect(result.isIntact).toBe(false);
    expect(result.firstBreak).toMatchObject({ eventId: target, reason: 'hash-mismatch' });
    expect(result.firstBreak!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    await tamper(sql`update request_events set details = ${original!.details}::jsonb where id = ${target}`);
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('names the event after a deleted one as the broken link', async () => {
    await writeEvents(3, 'before-delete');
    const ids = await eventIds();
    const removed = ids[ids.length - 3]!;
    const [saved] = await db.execute<Record<string, unknown>>(sql`select * from request_events where id = ${removed}`);
    await tamper(sql`delete from request_events where id = ${removed}`);

    const result = await verifyAuditChain(db, { actor: auditor });
    expect(result.firstBreak).toMatchObject({ eventId: ids[ids.length - 2], reason: 'previous-hash-link-broken' });

    // Put the row back exactly (bypassing the chaining trigger too), so the next tests start intact.
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table request_events disable trigger request_events_chain`);
      await tx.execute(sql`insert into request_events overriding system value select * from json_populate_record(null::request_events, ${JSON.stringify(saved)}::json)`);
      await tx.execute(sql`alter table request_events enable trigger request_events_chain`);
    });
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('records every run as an audit event with its result', async () => {
    const result = await verifyAuditChain(db, { actor: auditor });
    const [event] = await db.execute<{ actor_id: string; details: Record<string, unknown> }>(
      sql`select actor_id, details from request_events where action = 'audit_chain_verified' order by id desc limit 1`,
    );
    expect(event).toMatchObject({ actor_id: auditor.staffId, details: { isIntact: true, checkedCount: result.checkedCount, headEventId: result.head!.eventId, headHash: result.head!.hash } });
  });

  it('[agent] may not verify, and the refusal writes nothing', async () => {
    const before = await eventIds();
    const refusal = await verifyAuditChain(db, { actor: agent }).catch((error: unknown) => error);
    expect(isAppError(refusal, 'FORBIDDEN')).toBe(true);
    expect(await eventIds()).toEqual(before);
  });

  it('never forks when two processes write many events concurrently', async () => {
    const before = (await eventIds()).length;
    const run = promisify(execFile);
    const tsx = 'node_modules/.bin/tsx';
    await Promise.all(['one', 'two'].map((label) => run(tsx, ['test/support/write-audit-events.ts', provisioned.databaseUrl, label, '60'])));
    expect((await eventIds()).length).toBe(before + 2 * 60 * 2);

    const [forks] = await db.execute<{ total: number }>(sql`select count(*)::int - count(distinct coalesce(previous_hash, ''))::int as total from request_events`);
    expect(forks!.total).toBe(0);
    const result = await verifyAuditChain(db, { actor: 'system' });
    expect(result).toMatchObject({ isIntact: true, checkedCount: before + 240 });
  }, 120_000);
});
