import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestEvents } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZAuditEventFilters } from '@/lib/validation/audit-events';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { checkUploadedExport } from './check-uploaded-export';
import { exportAuditLog } from './export-audit-log';
import { AUDIT_EVENTS_PAGE_SIZE, listAuditEvents } from './list-audit-events';
import { recordEvent } from './record-event';
import { sealAuditLogFully } from './seal-audit-log';

const db = useTestDatabase();
let team: Record<'admin' | 'agent' | 'auditor', StaffActor>;

beforeAll(async () => {
  team = await createStaffTeam(db);
});

describe('[auditor] the audit event viewer', () => {
  it('filters by request, actor, action and day; pages by keyset; shows each event’s hash and Merkle leaf once sealed', async () => {
    const { reference } = await createVerifiedRequest(db);
    const action = `viewer_test_${randomUUID()
      .slice(0, 8)
      .replace(/[^a-z]/g, 'x')}`;
    for (let index = 0; index < AUDIT_EVENTS_PAGE_SIZE + 5; index++)
      await recordEvent(db, { requestId: null, actor: { type: 'staff', staffId: team.admin.staffId }, action, details: { index } });
    await sealAuditLogFully(db);

    const first = await listAuditEvents(db, { actor: team.auditor, filters: ZAuditEventFilters.parse({ action }) });
    expect(first.events).toHaveLength(AUDIT_EVENTS_PAGE_SIZE);
    expect(first.events[0]).toMatchObject({ action, details: { index: AUDIT_EVENTS_PAGE_SIZE + 4 }, actorName: expect.any(String) });
    expect(first.events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.events[0]!.leafIndex).toEqual(expect.any(Number));
    const second = await listAuditEvents(db, {
      actor: team.auditor,
      filters: ZAuditEventFilters.parse({ action, before: String(first.nextBefore) }),
    });
    expect(second.events.map((event) => event.details.index)).toEqual([4, 3, 2, 1, 0]);
    expect(second.nextBefore).toBeNull();

    const byRequest = await listAuditEvents(db, { actor: team.auditor, filters: ZAuditEventFilters.parse({ reference }) });
    expect(byRequest.events.map((event) => event.action)).toEqual(expect.arrayContaining(['submitted']));
    expect(byRequest.events.every((event) => event.reference === reference)).toBe(true);

    const [admin] = await db.select().from(requestEvents).where(eq(requestEvents.action, action)).limit(1);
    const byActor = await listAuditEvents(db, {
      actor: team.auditor,
      filters: ZAuditEventFilters.parse({ actor: admin!.actorId!, action }),
    });
    expect(byActor.events).toHaveLength(AUDIT_EVENTS_PAGE_SIZE);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await listAuditEvents(db, { actor: team.auditor, filters: ZAuditEventFilters.parse({ action, from: tomorrow }) });
    expect(future.events).toEqual([]);
  });

  it('an agent may not read the audit log', async () => {
    await expect(listAuditEvents(db, { actor: team.agent, filters: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('[auditor] checks an uploaded export in the app', () => {
  async function exportFile(): Promise<File> {
    const download = await exportAuditLog(db, { actor: team.auditor, query: { log: 'events', format: 'csv' } });
    return new File([await new Response(download.body).arrayBuffer()], 'events.csv', { type: 'text/csv' });
  }

  it('an untouched export is valid, as on the command line; a changed byte makes it invalid; the check is recorded', async () => {
    const valid = await checkUploadedExport(db, { actor: team.auditor, file: await exportFile() });
    expect(valid).toMatchObject({ isValid: true, problems: [], fileName: 'events.csv' });

    const bytes = Buffer.from(await (await exportFile()).arrayBuffer());
    bytes[bytes.indexOf(0x2c) + 1] ^= 0x01;
    const tampered = await checkUploadedExport(db, { actor: team.auditor, file: new File([bytes], 'events.csv') });
    expect(tampered.isValid).toBe(false);
    expect(tampered.problems.length).toBeGreaterThan(0);

    const [checked] = await db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.action, 'audit_export_checked'))
      .orderBy(requestEvents.id)
      .limit(1);
    expect(checked).toMatchObject({ actorId: team.auditor.staffId, details: { fileName: 'events.csv', isValid: true } });
  });

  it('an agent may not use it, and an empty upload is a field error', async () => {
    await expect(checkUploadedExport(db, { actor: team.agent, file: await exportFile().catch(() => null) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(checkUploadedExport(db, { actor: team.auditor, file: null })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
