import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestEvents, requests } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { exportAuditLog } from './export-audit-log';
import { requestLogColumns } from './export-request-log-query';
import { isManifestSignatureValid, parseManifestLine } from './export-manifest';
import { getLatestTreeHead } from './list-tree-heads';
import { sealAuditLogFully } from './seal-audit-log';
import { auditPublicKey, isSignatureValid, treeHeadMessage } from './tree-head-signing-key';

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());

let auditor: StaffActor;
let agent: StaffActor;
let assignee: StaffActor;
const ids: Record<'onTime' | 'late' | 'rejected' | 'extended', string> = { onTime: '', late: '', rejected: '', extended: '' };
// Seeded in March 2019, a month this file's other tests (the bulk streaming rows) do not write to, so the date filters isolate them.
const march2019 = { from: '2019-03-01', to: '2019-03-31' };

beforeAll(async () => {
  [auditor, agent, assignee] = await Promise.all([
    createStaffMember(db, { role: 'auditor' }),
    createStaffMember(db, { role: 'agent' }),
    createStaffMember(db, { role: 'agent', name: 'Export Agent' }),
  ]);
  // The requester's identity is on every row, so the tests can show it never reaches the export.
  const seeded = (row: Omit<typeof requests.$inferInsert, 'emailHash'>) => ({
    ...row,
    emailHash: `export-test-${randomUUID()}`,
    reference: `DSR-2019-${randomSuffix()}`,
    assigneeId: assignee.staffId,
    email: 'never-exported@example.test',
    fullName: 'Never Exported',
  });
  const inserted = await db
    .insert(requests)
    .values([
      seeded({
        type: 'access',
        status: 'fulfilled',
        channel: 'web',
        jurisdiction: 'us_ca_ccpa',
        receivedAt: new Date('2019-03-01T10:00:00Z'),
        receivedOn: '2019-03-01',
        verifiedAt: new Date('2019-03-01T11:00:00Z'),
        originalDueOn: '2019-04-15',
        dueOn: '2019-04-15',
        closedAt: new Date('2019-03-21T09:00:00Z'),
      }),
      seeded({
        type: 'deletion',
        status: 'fulfilled',
        channel: 'api',
        jurisdiction: 'eu_gdpr',
        receivedAt: new Date('2019-03-02T07:00:00Z'),
        receivedOn: '2019-03-02',
        verifiedAt: new Date('2019-03-02T08:00:00Z'),
        originalDueOn: '2019-04-02',
        dueOn: '2019-04-02',
        closedAt: new Date('2019-04-05T12:00:00Z'),
      }),
      seeded({
        type: 'export',
        status: 'rejected',
        channel: 'staff',
        intakeChannelDetail: 'phone',
        jurisdiction: 'eu_gdpr',
        receivedAt: new Date('2019-03-03T15:30:00Z'),
        receivedOn: '2019-03-03',
        verifiedAt: new Date('2019-03-03T15:30:00Z'),
        originalDueOn: '2019-04-03',
        dueOn: '2019-04-03',
        rejectionBasis: 'identity_not_verified',
        closedAt: new Date('2019-03-10T00:00:00Z'),
      }),
      seeded({
        type: 'access',
        status: 'in_progress',
        channel: 'web',
        jurisdiction: 'us_ca_ccpa',
        receivedAt: new Date('2019-03-04T09:00:00Z'),
        receivedOn: '2019-03-04',
        verifiedAt: new Date('2019-03-04T09:05:00Z'),
        originalDueOn: '2019-04-18',
        dueOn: '2019-06-03',
        extensionCount: 1,
        extensionReason: '=Complex: records held in three systems',
      }),
    ])
    .returning({ id: requests.id });
  [ids.onTime, ids.late, ids.rejected, ids.extended] = inserted.map((row) => row.id);
  await db.insert(requestEvents).values([
    {
      requestId: ids.onTime,
      actorType: 'requester',
      action: 'submitted',
      details: {},
      ip: '192.0.2.10',
      createdAt: new Date('2019-03-01T10:00:00Z'),
    },
    {
      requestId: ids.onTime,
      actorType: 'staff',
      actorId: assignee.staffId,
      action: 'fulfilled',
      details: { files: 1 },
      createdAt: new Date('2019-03-21T09:00:00Z'),
    },
    {
      requestId: ids.rejected,
      actorType: 'staff',
      actorId: assignee.staffId,
      action: 'rejected',
      details: { basis: 'identity_not_verified' },
      createdAt: new Date('2019-03-10T00:00:00Z'),
    },
    // The day after the range: the "to" day is included, the next one is not.
    { requestId: ids.extended, actorType: 'system', action: 'reminder_sent', details: {}, createdAt: new Date('2019-04-01T00:00:00Z') },
  ]);
});

function randomSuffix(): string {
  return String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
}

async function references(): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: requests.id, reference: requests.reference })
    .from(requests)
    .where(sql`${requests.id} in ${Object.values(ids)}`);
  return Object.fromEntries(rows.map((row) => [row.id, row.reference!]));
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for await (const chunk of body) {
    chunks += 1;
    text += decoder.decode(chunk, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

function splitManifest(text: string): { data: string; manifestLine: string } {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const manifestLine = lines.pop()!;
  return { data: lines.map((line) => `${line}\n`).join(''), manifestLine };
}

describe('request log export', () => {
  it('[auditor] exports the request log as CSV with the §7101 figures computed per request', async () => {
    const reference = await references();
    const download = await exportAuditLog(db, { actor: auditor, query: { log: 'requests', format: 'csv', ...march2019 } });
    expect(download.fileName).toMatch(/^dsr-desk-request-log-\d{8}T\d{6}Z\.csv$/);
    expect(download.contentType).toBe('text/csv; charset=utf-8');
    expect(download.rowCount).toBe(4);

    const { text } = await readAll(download.body);
    const { data, manifestLine } = splitManifest(text);
    expect(manifestLine.startsWith('#manifest ')).toBe(true);
    const [header, ...rows] = parse(data) as string[][];
    expect(header).toEqual([...requestLogColumns]);
    const common = {
      intake_channel: '',
      gpc_signal: 'no',
      via_agent: 'no',
      identity_level: '',
      appeal_of: '',
      extension_count: '0',
      extended_to: '',
      extension_reason: '',
      paused_days: '0',
      rejection_basis: '',
      assignee: 'Export Agent',
    };
    expect(rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]])))).toEqual([
      {
        ...common,
        id: ids.onTime,
        reference: reference[ids.onTime],
        received_at: '2019-03-01T10:00:00.000Z',
        received_on: '2019-03-01',
        type: 'access',
        channel: 'web',
        jurisdiction: 'us_ca_ccpa',
        verified: 'yes',
        verified_at: '2019-03-01T11:00:00.000Z',
        original_due_on: '2019-04-15',
        due_on: '2019-04-15',
        status: 'fulfilled',
        closed_at: '2019-03-21T09:00:00.000Z',
        response: 'fulfilled',
        days_taken: '20',
        timeliness: 'on_time',
      },
      {
        ...common,
        id: ids.late,
        reference: reference[ids.late],
        received_at: '2019-03-02T07:00:00.000Z',
        received_on: '2019-03-02',
        type: 'deletion',
        channel: 'api',
        jurisdiction: 'eu_gdpr',
        verified: 'yes',
        verified_at: '2019-03-02T08:00:00.000Z',
        original_due_on: '2019-04-02',
        due_on: '2019-04-02',
        status: 'fulfilled',
        closed_at: '2019-04-05T12:00:00.000Z',
        response: 'fulfilled',
        days_taken: '34',
        timeliness: 'late',
      },
      {
        ...common,
        id: ids.rejected,
        reference: reference[ids.rejected],
        received_at: '2019-03-03T15:30:00.000Z',
        received_on: '2019-03-03',
        type: 'export',
        channel: 'staff',
        intake_channel: 'phone',
        jurisdiction: 'eu_gdpr',
        verified: 'yes',
        verified_at: '2019-03-03T15:30:00.000Z',
        original_due_on: '2019-04-03',
        due_on: '2019-04-03',
        status: 'rejected',
        closed_at: '2019-03-10T00:00:00.000Z',
        response: 'rejected',
        rejection_basis: 'identity_not_verified',
        days_taken: '7',
        timeliness: 'on_time',
      },
      {
        ...common,
        id: ids.extended,
        reference: reference[ids.extended],
        received_at: '2019-03-04T09:00:00.000Z',
        received_on: '2019-03-04',
        type: 'access',
        channel: 'web',
        jurisdiction: 'us_ca_ccpa',
        verified: 'yes',
        verified_at: '2019-03-04T09:05:00.000Z',
        original_due_on: '2019-04-18',
        due_on: '2019-06-03',
        extension_count: '1',
        extended_to: '2019-06-03',
        // A leading "=" is escaped so a spreadsheet shows the text instead of running it as a formula.
        extension_reason: "'=Complex: records held in three systems",
        status: 'in_progress',
        closed_at: '',
        response: '',
        days_taken: '',
        timeliness: 'overdue',
      },
    ]);
    expect(text).not.toContain('never-exported@example.test');
    expect(text).not.toContain('Never Exported');
  });

  it('[auditor] exports NDJSON: typed values, then a signed manifest as the last line', async () => {
    const reference = await references();
    await sealAuditLogFully(db);
    const treeHead = await getLatestTreeHead(db);
    const download = await exportAuditLog(db, {
      actor: auditor,
      query: { log: 'requests', format: 'ndjson', ...march2019, status: 'rejected' },
      now: new Date('2026-05-01T12:00:00Z'),
    });
    expect(download.contentType).toBe('application/x-ndjson; charset=utf-8');
    const { text } = await readAll(download.body);
    const { data, manifestLine } = splitManifest(text);
    const rows = data
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual([
      expect.objectContaining({
        id: ids.rejected,
        reference: reference[ids.rejected],
        rejection_basis: 'identity_not_verified',
        days_taken: 7,
        extension_count: 0,
        extended_to: null,
        timeliness: 'on_time',
      }),
    ]);
    const signed = parseManifestLine(manifestLine)!;
    expect(signed.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(signed.manifest).toMatchObject({
      kind: 'dsr-desk-audit-export',
      log: 'requests',
      format: 'ndjson',
      filters: { from: '2019-03-01', to: '2019-03-31', type: null, status: 'rejected' },
      timeRange: { from: '2019-03-01', to: '2019-03-31', timeZone: 'UTC' },
      rowCount: 1,
      generatedAt: '2026-05-01T12:00:00.000Z',
      exportedBy: auditor.staffId,
      signatureAlgorithm: 'Ed25519',
      publicKey: auditPublicKey().base64,
      keyFingerprint: auditPublicKey().fingerprint,
    });
    // The tree head the snapshot saw (the sealer may have signed a newer one since), checkable with the public key alone.
    expect(signed.manifest.treeHead!.treeSize).toBeGreaterThanOrEqual(treeHead!.treeSize);
    expect(isSignatureValid(treeHeadMessage(signed.manifest.treeHead!), signed.manifest.treeHead!.signature, auditPublicKey().base64)).toBe(
      true,
    );
    expect(isManifestSignatureValid(signed.manifest, signed.signature)).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(signed.manifest.dataSha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('filters by type and keeps the header when nothing matches', async () => {
    const typed = await readAll(
      (await exportAuditLog(db, { actor: auditor, query: { log: 'requests', format: 'ndjson', ...march2019, type: 'deletion' } })).body,
    );
    expect(
      splitManifest(typed.text)
        .data.trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual([ids.late]);

    const empty = await exportAuditLog(db, {
      actor: auditor,
      query: { log: 'requests', format: 'csv', from: '1971-01-01', to: '1971-01-31' },
    });
    expect(empty.rowCount).toBe(0);
    const { data, manifestLine } = splitManifest((await readAll(empty.body)).text);
    expect(data).toBe(`${requestLogColumns.join(',')}\n`);
    expect(parseManifestLine(manifestLine)!.manifest.rowCount).toBe(0);
  });
});

describe('event log export', () => {
  // Each event links to the previous event of its own request (null for a request's first).
  it('[auditor] exports one row per event in the range, in id order, staff named, requesters not', async () => {
    const reference = await references();
    const { text } = await readAll(
      (await exportAuditLog(db, { actor: auditor, query: { log: 'events', format: 'ndjson', ...march2019 } })).body,
    );
    const rows = splitManifest(text)
      .data.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      {
        created_at: '2019-03-01T10:00:00.000000Z',
        request_reference: reference[ids.onTime],
        actor_type: 'requester',
        actor_name: null,
        action: 'submitted',
        details: {},
        ip: '192.0.2.10',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        previous_hash: null,
      },
      {
        created_at: '2019-03-21T09:00:00.000000Z',
        request_reference: reference[ids.onTime],
        actor_type: 'staff',
        actor_name: 'Export Agent',
        action: 'fulfilled',
        details: { files: 1 },
        ip: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        previous_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      {
        created_at: '2019-03-10T00:00:00.000000Z',
        request_reference: reference[ids.rejected],
        actor_type: 'staff',
        actor_name: 'Export Agent',
        action: 'rejected',
        details: { basis: 'identity_not_verified' },
        ip: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        previous_hash: null,
      },
    ]);
  });

  it('[auditor] exports events as CSV with the details as JSON text', async () => {
    const { text } = await readAll(
      (await exportAuditLog(db, { actor: auditor, query: { log: 'events', format: 'csv', ...march2019, type: 'export' } })).body,
    );
    const [header, ...rows] = parse(splitManifest(text).data) as string[][];
    expect(header).toEqual([
      'id',
      'created_at',
      'request_reference',
      'actor_type',
      'actor_name',
      'action',
      'details',
      'ip',
      'hash',
      'previous_hash',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(4, 7)).toEqual(['Export Agent', 'rejected', '{"basis": "identity_not_verified"}']);
  });
});

describe('who may export', () => {
  it('[agent] is refused (FORBIDDEN) before anything is read or recorded', async () => {
    const attempt = exportAuditLog(db, { actor: agent, query: { log: 'requests', format: 'csv' } });
    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, 'FORBIDDEN'));
    const events = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'audit_exported'), eq(requestEvents.actorId, agent.staffId)));
    expect(events).toHaveLength(0);
  });

  it('[auditor] with a bad query gets VALIDATION with a message per field', async () => {
    const attempt = exportAuditLog(db, {
      actor: auditor,
      query: { log: 'everything', format: 'csv', from: '2019-04-01', to: '2019-03-01' },
    });
    await expect(attempt).rejects.toSatisfy((error) => {
      if (!isAppError(error, 'VALIDATION')) return false;
      const fieldErrors = error.details.fieldErrors as Record<string, string[]>;
      return fieldErrors.log?.[0] === 'Choose the request log, the event log or the breach register' && fieldErrors.to === undefined;
    });
    const dates = exportAuditLog(db, { actor: auditor, query: { log: 'events', format: 'csv', from: '2019-04-01', to: '2019-03-01' } });
    await expect(dates).rejects.toSatisfy(
      (error) =>
        isAppError(error, 'VALIDATION') &&
        (error.details.fieldErrors as Record<string, string[]>).to?.[0] === 'The end date must be on or after the start date',
    );
  });

  it('[auditor] exporting is itself an audit event, recorded when the export starts', async () => {
    const download = await exportAuditLog(db, {
      actor: auditor,
      query: { log: 'events', format: 'csv', ...march2019, status: 'fulfilled' },
    });
    const [event] = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'audit_exported'), eq(requestEvents.actorId, auditor.staffId)))
      .orderBy(desc(requestEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      requestId: null,
      actorType: 'staff',
      details: {
        log: 'events',
        format: 'csv',
        filters: { from: '2019-03-01', to: '2019-03-31', type: null, status: 'fulfilled' },
        rowCount: 2,
      },
    });
    await download.body.cancel();
  });
});

describe('streaming', () => {
  it.each(['csv', 'ndjson'] as const)(
    'sends 20,000 requests as %s in many chunks, not one buffered body, every row once',
    async (format) => {
      // Seeded once for both formats.
      await db.execute(sql`
      insert into requests (type, status, channel, jurisdiction, email_hash, received_at, received_on, closed_at)
      select 'access', 'fulfilled', 'web', 'eu_gdpr', 'export-bulk-' || gen_random_uuid(), timestamptz '2018-02-01 00:00Z' + g * interval '1 second', date '2018-02-01', timestamptz '2018-02-10 00:00Z'
      from generate_series(1, 20000) as g
      where not exists (select 1 from requests where email_hash like 'export-bulk-%')
    `);
      const download = await exportAuditLog(db, {
        actor: auditor,
        query: { log: 'requests', format, from: '2018-02-01', to: '2018-02-01' },
        batchSize: 1000,
      });
      expect(download.rowCount).toBe(20_000);
      const { text, chunks } = await readAll(download.body);
      // NDJSON: twenty cursor batches of a thousand rows and the manifest; CSV: PostgreSQL's COPY output as it arrives.
      if (format === 'ndjson') expect(chunks).toBe(21);
      else expect(chunks).toBeGreaterThan(10);
      const { data, manifestLine } = splitManifest(text);
      const ids =
        format === 'csv'
          ? (parse(data, { columns: true }) as { id: string }[]).map((row) => row.id)
          : data
              .trimEnd()
              .split('\n')
              .map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toHaveLength(20_000);
      expect(new Set(ids).size).toBe(20_000);
      expect(parseManifestLine(manifestLine)!.manifest.rowCount).toBe(20_000);
    },
  );
});
