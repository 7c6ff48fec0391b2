import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { requests } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { prepareDatabase } from '@/scripts/prepare-database';
import { databaseError } from '@/test/support/database-error';
import { provisionPostgres, type ProvisionedDatabase } from '@/test/support/provision-postgres';
import { canonicalEventText } from './canonical-event-text';
import { readChainBatch } from './read-chain-batch';
import { recordEvent } from './record-event';
import { sealAuditLog, sealAuditLogFully } from './seal-audit-log';
import { auditPublicKey, isSignatureValid, treeHeadMessage } from './tree-head-signing-key';
import { listTreeHeads } from './list-tree-heads';
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
    await recordEvent(db, {
      requestId: null,
      actor: { type: 'staff', staffId: auditor.staffId },
      action: 'probe',
      details: { label, index },
    });
  }
}

async function eventIds(): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`select id::int as id from request_events order by id`);
  return rows.map((row) => row.id);
}

const guards = {
  request_events: 'request_events_no_update_delete',
  audit_log_leaves: 'audit_log_leaves_no_update_delete',
  audit_tree_heads: 'audit_tree_heads_no_update_delete',
} as const;

/** As the superuser, with the guard triggers off only for this statement's transaction. */
async function tamper(...statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [table, trigger] of Object.entries(guards)) await tx.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
    for (const statement of statements) await tx.execute(statement);
    for (const [table, trigger] of Object.entries(guards))
      await tx.execute(sql.raw(`alter table ${table} enable always trigger ${trigger}`));
  });
}

async function createRequest(): Promise<string> {
  const [row] = await db
    .insert(requests)
    .values({ type: 'access', channel: 'web', jurisdiction: 'eu_gdpr', emailHash: `audit-${randomUUID()}`, receivedOn: '2026-01-05' })
    .returning({ id: requests.id });
  return row!.id;
}

/** Saves a row so a test can put it back exactly (bypassing the chaining trigger too) and leave the log intact for the next. */
async function savedRows(table: 'request_events' | 'audit_log_leaves' | 'audit_tree_heads', where: ReturnType<typeof sql>) {
  const rows = await db.execute<Record<string, unknown>>(sql`select * from ${sql.raw(table)} where ${where}`);
  return async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table request_events disable trigger request_events_chain`);
      for (const row of rows) {
        await tx.execute(
          sql`insert into ${sql.raw(table)} ${sql.raw(table === 'request_events' ? 'overriding system value' : '')} select * from json_populate_record(null::${sql.raw(table)}, ${JSON.stringify(row)}::json)`,
        );
      }
      await tx.execute(sql`alter table request_events enable trigger request_events_chain`);
    });
  };
}

describe('audit log', () => {
  it('[auditor] verifies an untouched log as intact, batch after batch, sealed or not', async () => {
    await writeEvents(7, 'intact');
    const progress: number[] = [];
    const unsealed = await verifyAuditChain(db, {
      actor: auditor,
      batchSize: 3,
      onProgress: ({ checkedCount }) => progress.push(checkedCount),
    });
    const ids = await eventIds();
    expect(unsealed).toMatchObject({ isIntact: true, firstBreak: null, checkedCount: 7, sealedCount: 0, unsealedCount: 7, treeHead: null });
    // The run's own event is written after the snapshot it verified.
    expect(unsealed.head!.eventId).toBe(ids.at(-2));
    expect(progress).toEqual([3, 6, 7]);

    const sealed = await sealAuditLogFully(db);
    expect(sealed.treeHead).toMatchObject({ treeSize: 8, lastEventId: ids.at(-1) });
    const result = await verifyAuditChain(db, { actor: auditor, batchSize: 3 });
    expect(result).toMatchObject({
      isIntact: true,
      checkedCount: 8,
      sealedCount: 8,
      unsealedCount: 0,
      treeHead: { treeSize: 8 },
      publicKeyFingerprint: auditPublicKey().fingerprint,
    });
  });

  it('signs every tree head with the log’s Ed25519 key, checkable with the public key alone', async () => {
    const heads = await listTreeHeads(db);
    expect(heads.length).toBeGreaterThan(0);
    const { base64 } = auditPublicKey();
    for (const head of heads) expect(isSignatureValid(treeHeadMessage(head), head.signature, base64)).toBe(true);
    const head = heads.at(-1)!;
    expect(isSignatureValid(treeHeadMessage({ ...head, treeSize: head.treeSize - 1 }), head.signature, base64)).toBe(false);
  });

  it('chains events the way the JS verifier recomputes them, whatever the field contents', async () => {
    await recordEvent(db, {
      requestId: null,
      actor: { type: 'requester' },
      action: 'probe "quoted" \\ back\nslash\t\u0001 ünïcödé 😀 \u2028',
      // biome-ignore lint/correctness/noPrecisionLoss: the canonical form must survive a number JavaScript cannot hold exactly
      details: { z: 1.5, a: [1, 2.5, 'x'], nested: { b: null, a: true }, big: 12345678901234567890, tiny: 1e-7, text: '</script>' },
      ip: '2001:db8::1',
      isVisibleToRequester: true,
    });
    await recordEvent(db, { requestId: null, actor: { type: 'system' }, action: 'probe', ip: '203.0.113.9' });
    const [head] = await db.execute<{ id: string }>(sql`select max(id)::text as id from request_events`);
    const rows = await readChainBatch(db, { afterId: '0', throughId: head!.id, limit: 1000 });
    const inDatabase = await db.execute<{ canonical: string }>(
      sql`select audit_event_canonical_text(e) as canonical from request_events e order by id`,
    );
    expect(rows.map((row) => canonicalEventText(row))).toEqual(inDatabase.map((row) => row.canonical));
    await sealAuditLogFully(db);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('links each event to the previous event of its own request, and workspace events to none', async () => {
    const [first, second] = [await createRequest(), await createRequest()];
    await recordEvent(db, { requestId: first, actor: { type: 'system' }, action: 'submitted' });
    await recordEvent(db, { requestId: second, actor: { type: 'system' }, action: 'submitted' });
    await recordEvent(db, { requestId: null, actor: { type: 'system' }, action: 'settings_changed' });
    await recordEvent(db, { requestId: first, actor: { type: 'system' }, action: 'verified' });
    const rows = await db.execute<{ request_id: string | null; action: string; previous_hash: string | null; hash: string }>(
      sql`select request_id::text, action, previous_hash, hash from request_events where request_id in (${first}, ${second}) or action = 'settings_changed' order by id`,
    );
    expect(rows.map((row) => [row.request_id, row.action])).toEqual([
      [first, 'submitted'],
      [second, 'submitted'],
      [null, 'settings_changed'],
      [first, 'verified'],
    ]);
    expect(rows.map((row) => row.previous_hash)).toEqual([null, null, null, rows[0]!.hash]);
    await sealAuditLogFully(db);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on events, leaves and tree heads, even for the superuser', async () => {
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
    for (const table of ['audit_log_leaves', 'audit_tree_heads'] as const) {
      expect(await databaseError(db.execute(sql`delete from ${sql.raw(table)}`))).toContain(`${table} is append-only`);
      expect(await databaseError(db.execute(sql`truncate ${sql.raw(table)}`))).toContain(`${table} is append-only`);
    }
    expect(await databaseError(db.execute(sql`update audit_log_leaves set leaf_hash = 'x'`))).toContain('audit_log_leaves is append-only');
  });

  it('ignores hash values a writer supplies and chains the row itself', async () => {
    await db.execute(sql`insert into request_events (actor_type, action, previous_hash, hash) values ('system', 'forged', 'x', 'y')`);
    const [row] = await db.execute<{ hash: string }>(sql`select hash from request_events where action = 'forged'`);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('names the event whose details were changed behind the trigger’s back, sealed or not', async () => {
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
    await sealAuditLogFully(db);
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('names a sealed event that was changed and given a matching hash: its leaf no longer matches', async () => {
    await writeEvents(3, 'rehash');
    await sealAuditLogFully(db);
    const target = (await eventIds()).at(-2)!;
    const restore = await savedRows('request_events', sql`id = ${target}`);
    await tamper(
      sql`update request_events set details = '{"label":"rewritten"}' where id = ${target}`,
      sql`update request_events e set hash = audit_event_hash(e.previous_hash, audit_event_canonical_text(e)) where id = ${target}`,
    );
    expect((await verifyAuditChain(db, { actor: auditor })).firstBreak).toMatchObject({ eventId: target, reason: 'leaf-mismatch' });

    // Rewriting the leaf as well leaves the signed tree heads to notice.
    const restoreLeaf = await savedRows('audit_log_leaves', sql`event_id = ${target}`);
    const [changed] = await db.execute<{ hash: string }>(sql`select hash from request_events where id = ${target}`);
    const { eventLeafHash } = await import('./merkle-tree');
    await tamper(sql`update audit_log_leaves set leaf_hash = ${eventLeafHash(changed!.hash)} where event_id = ${target}`);
    expect((await verifyAuditChain(db, { actor: auditor })).firstBreak).toMatchObject({ reason: 'tree-head-mismatch' });

    await tamper(sql`delete from request_events where id = ${target}`, sql`delete from audit_log_leaves where event_id = ${target}`);
    await restore();
    await restoreLeaf();
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('names a sealed event that was deleted, the newest one included', async () => {
    const requestId = await createRequest();
    for (const action of ['submitted', 'verified', 'closed']) await recordEvent(db, { requestId, actor: { type: 'system' }, action });
    await sealAuditLogFully(db);
    const ids = (
      await db.execute<{ id: number }>(sql`select id::int as id from request_events where request_id = ${requestId} order by id`)
    ).map((row) => row.id);

    const restoreMiddle = await savedRows('request_events', sql`id = ${ids[1]!}`);
    await tamper(sql`delete from request_events where id = ${ids[1]!}`);
    expect((await verifyAuditChain(db, { actor: auditor })).firstBreak).toMatchObject({
      eventId: ids[1],
      reason: 'event-removed',
      createdAt: null,
    });
    await restoreMiddle();

    // The newest event of the whole log, sealed, then deleted: a chain alone could not tell.
    const newest = (await eventIds()).at(-1)!;
    await sealAuditLogFully(db);
    const restoreNewest = await savedRows('request_events', sql`id = ${newest}`);
    await tamper(sql`delete from request_events where id = ${newest}`);
    expect((await verifyAuditChain(db, { actor: auditor })).firstBreak).toMatchObject({ eventId: newest, reason: 'event-removed' });
    await restoreNewest();
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('notices the newest events removed with their leaves and tree heads, from a head kept elsewhere', async () => {
    await writeEvents(2, 'tail');
    await sealAuditLogFully(db);
    const [kept] = (await listTreeHeads(db)).slice(-1);
    const tail = (await eventIds()).slice(-2);
    const restore = [
      await savedRows('request_events', sql`id in (${tail[0]!}, ${tail[1]!})`),
      await savedRows('audit_log_leaves', sql`event_id in (${tail[0]!}, ${tail[1]!})`),
      await savedRows('audit_tree_heads', sql`last_event_id >= ${tail[0]!}`),
    ];
    await tamper(
      sql`delete from request_events where id >= ${tail[0]!}`,
      sql`delete from audit_log_leaves where event_id >= ${tail[0]!}`,
      sql`delete from audit_tree_heads where last_event_id >= ${tail[0]!}`,
    );
    const result = await verifyAuditChain(db, {
      actor: 'system',
      knownTreeHeads: [{ treeSize: kept!.treeSize, rootHash: kept!.rootHash }],
    });
    expect(result.firstBreak).toMatchObject({ reason: 'tree-head-lost' });
    // The events this check itself wrote are removed again before the log is restored.
    await tamper(sql`delete from request_events where id >= ${tail[0]!}`);
    for (const put of restore) await put();
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('refuses a tree head signed with another key', async () => {
    const [latest] = (await listTreeHeads(db)).slice(-1);
    const restore = await savedRows('audit_tree_heads', sql`tree_size = ${latest!.treeSize}`);
    await tamper(
      sql`update audit_tree_heads set signature = ${Buffer.alloc(64, 1).toString('base64')} where tree_size = ${latest!.treeSize}`,
    );
    expect((await verifyAuditChain(db, { actor: auditor })).firstBreak).toMatchObject({
      eventId: latest!.lastEventId,
      reason: 'tree-head-signature-invalid',
    });
    await tamper(sql`delete from audit_tree_heads where tree_size = ${latest!.treeSize}`);
    await restore();
    expect((await verifyAuditChain(db, { actor: auditor })).isIntact).toBe(true);
  });

  it('seals only up to a watermark no open transaction can still write below, then in id order', async () => {
    await sealAuditLogFully(db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = db.transaction(async (tx) => {
      await recordEvent(tx, { requestId: null, actor: { type: 'system' }, action: 'slow_writer' });
      written();
      await held;
    });
    await isWritten;
    await recordEvent(db, { requestId: null, actor: { type: 'system' }, action: 'fast_writer' });
    expect(await sealAuditLog(db, { maxWaitMs: 50 })).toMatchObject({ sealedCount: 0 });
    release();
    await slow;
    const sealed = await sealAuditLogFully(db);
    expect(sealed.sealedCount).toBe(2);
    const order = await db.execute<{ action: string }>(
      sql`select e.action from audit_log_leaves l join request_events e on e.id = l.event_id order by l.leaf_index desc limit 2`,
    );
    expect(order.map((row) => row.action)).toEqual(['fast_writer', 'slow_writer']);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('waits for a writer still open whose xid is newer than the last one finished', async () => {
    await sealAuditLogFully(db);
    // Transaction A takes its xid, writer B takes a newer one and draws id N, then A draws N+1 and commits.
    // A snapshot's xmax is one past the newest *finished* xid (A's), so B is neither below it nor in its
    // xmin: a sealer bounded by it would seal N+1 and pass over N for ever.
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { opened, open };
    };
    const aHasXid = gate();
    const aMayWrite = gate();
    const a = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      aHasXid.open();
      await aMayWrite.opened;
      await recordEvent(tx, { requestId: null, actor: { type: 'system' }, action: 'older_xid_later_id' });
    });
    await aHasXid.opened;
    const bWrote = gate();
    const bMayCommit = gate();
    const b = db.transaction(async (tx) => {
      await recordEvent(tx, { requestId: null, actor: { type: 'system' }, action: 'newer_xid_earlier_id' });
      bWrote.open();
      await bMayCommit.opened;
    });
    await bWrote.opened;
    aMayWrite.open();
    await a;
    const sealing = sealAuditLog(db, { maxWaitMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    bMayCommit.open();
    await b;
    await sealing;
    await sealAuditLogFully(db);
    const order = await db.execute<{ action: string }>(
      sql`select e.action from audit_log_leaves l join request_events e on e.id = l.event_id order by l.leaf_index desc limit 2`,
    );
    expect(order.map((row) => row.action)).toEqual(['older_xid_later_id', 'newer_xid_earlier_id']);
    expect((await verifyAuditChain(db, { actor: 'system' })).isIntact).toBe(true);
  });

  it('records every run as an audit event with its result and tree head', async () => {
    const result = await verifyAuditChain(db, { actor: auditor });
    const [event] = await db.execute<{ actor_id: string; details: Record<string, unknown> }>(
      sql`select actor_id, details from request_events where action = 'audit_chain_verified' order by id desc limit 1`,
    );
    expect(event).toMatchObject({
      actor_id: auditor.staffId,
      details: {
        isIntact: true,
        checkedCount: result.checkedCount,
        headEventId: result.head!.eventId,
        headHash: result.head!.hash,
        treeHead: { treeSize: result.treeHead!.treeSize, rootHash: result.treeHead!.rootHash },
      },
    });
  });

  it('[agent] may not verify, and the refusal writes nothing', async () => {
    const before = await eventIds();
    const refusal = await verifyAuditChain(db, { actor: agent }).catch((error: unknown) => error);
    expect(isAppError(refusal, 'FORBIDDEN')).toBe(true);
    expect(await eventIds()).toEqual(before);
  });

  it('never forks a request’s chain when two processes write many events on the same requests concurrently', async () => {
    const before = (await eventIds()).length;
    const shared = [await createRequest(), await createRequest(), await createRequest()];
    const run = promisify(execFile);
    const tsx = 'node_modules/.bin/tsx';
    await Promise.all(
      ['one', 'two'].map((label) => run(tsx, ['test/support/write-audit-events.ts', provisioned.databaseUrl, label, '60', ...shared])),
    );
    await Promise.all(
      ['three', 'four'].map((label) => run(tsx, ['test/support/write-audit-events.ts', provisioned.databaseUrl, label, '30'])),
    );
    expect((await eventIds()).length).toBe(before + 2 * 60 * 2 + 2 * 30 * 2);

    const [forks] = await db.execute<{ total: number }>(sql`
      select count(*)::int - count(distinct (request_id, coalesce(previous_hash, '')))::int as total from request_events where request_id in (${shared[0]!}, ${shared[1]!}, ${shared[2]!})
    `);
    expect(forks!.total).toBe(0);
    await sealAuditLogFully(db);
    const result = await verifyAuditChain(db, { actor: 'system' });
    expect(result).toMatchObject({ isIntact: true, checkedCount: before + 360, unsealedCount: 0 });
  }, 120_000);
});

describe('audit log written before the Merkle tree', () => {
  let legacy: ProvisionedDatabase;
  afterAll(() => legacy?.stop());

  it('keeps verifying the old global chain after the migration, with new events chained per request and everything sealed', async () => {
    legacy = await provisionPostgres('audit_legacy');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-migrations-'));
    cpSync('db/migrations', folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    // The migration that brings the Merkle tree, whatever number it ends up with.
    const switchIndex = journal.entries.findIndex((entry) =>
      readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8').includes('CREATE TABLE "audit_log_leaves"'),
    );
    expect(switchIndex).toBeGreaterThan(0);
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, switchIndex) }));
    const client = postgres(legacy.databaseUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(client), { migrationsFolder: folder });
    // Written under migration 0004's trigger: one chain across the whole log.
    for (let index = 0; index < 4; index += 1)
      await client`insert into request_events (actor_type, action, details) values ('system', 'old_event', ${JSON.stringify({ index })}::jsonb)`;
    await client.end();
    rmSync(folder, { recursive: true, force: true });

    await prepareDatabase(legacy.databaseUrl);
    const { db: migrated, close } = createDatabase(legacy.databaseUrl, { max: 2 });
    try {
      const old = await migrated.execute<{ previous_hash: string | null }>(sql`select previous_hash from request_events order by id`);
      expect(old.filter((row) => row.previous_hash !== null)).toHaveLength(3);
      await recordEvent(migrated, { requestId: null, actor: { type: 'system' }, action: 'new_event' });
      await sealAuditLogFully(migrated);
      expect(await verifyAuditChain(migrated, { actor: 'system' })).toMatchObject({ isIntact: true, checkedCount: 5, sealedCount: 5 });

      // A rewritten old event is still found by the old chain's rule.
      const [second] = await migrated.execute<{ id: number }>(sql`select id::int as id from request_events order by id offset 1 limit 1`);
      await migrated.transaction(async (tx) => {
        await tx.execute(sql`alter table request_events disable trigger request_events_no_update_delete`);
        await tx.execute(sql`update request_events set details = '{"index":9}' where id = ${second!.id}`);
        await tx.execute(sql`alter table request_events enable always trigger request_events_no_update_delete`);
      });
      expect((await verifyAuditChain(migrated, { actor: 'system' })).firstBreak).toMatchObject({
        eventId: second!.id,
        reason: 'hash-mismatch',
      });
    } finally {
      await close();
    }
  }, 120_000);
});
