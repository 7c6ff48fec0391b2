import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDocuments, requestEvents } from '@/db/schema';
import { env, resetEnvForTests } from '@/lib/env';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZRegulatorDecision } from '@/lib/validation/incident';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { downloadIncidentDocument } from './download-incident-document';
import { getIncident } from './get-incident';
import { openIncident } from './open-incident';
import { recordRegulatorDecision } from './record-regulator-decision';
import { toWallClockTime } from './zoned-date-time';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const savedStorageDir = process.env.STORAGE_DIR;
let storageDir: string;
let admin: StaffActor;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-incident-documents-'));
  process.env.STORAGE_DIR = storageDir;
  resetEnvForTests();
  admin = await createStaffMember(db, { role: 'admin' });
});
afterAll(() => {
  if (savedStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = savedStorageDir;
  resetEnvForTests();
  rmSync(storageDir, { recursive: true, force: true });
});

const storedFiles = () => readdirSync(path.join(storageDir, 'attachments'), { recursive: true }).length;

async function anIncident(discoveredAt = new Date(Date.now() - 5 * HOUR)) {
  const reference = await openIncident(db, {
    actor: admin,
    input: {
      title: 'Laptop with a customer export stolen',
      description: 'An unencrypted laptop holding a customer export was stolen from a car.',
      discoveredAt: toWallClockTime(discoveredAt, env().TIME_ZONE),
      startedAt: undefined,
      regimes: ['eu_gdpr'],
      sourceIds: [],
      dataCategories: ['contact'],
      likelyConsequences: 'Phishing aimed at the customers named.',
      measuresTaken: 'The laptop was wiped remotely.',
    },
  });
  return { reference, discoveredAt, incident: (await getIncident(db, { actor: admin, reference })).incident };
}

const pdf = () => new File(['%PDF-1.7 the notification sent to the authority'], 'notification.pdf', { type: 'application/pdf' });

describe('[admin] keeps a copy of what the regulator was sent with the incident (GDPR Art. 33(1), 33(5))', () => {
  it('stores the file with its hash, lists it on the incident, records its hash in the trail; auditors open it, agents cannot', async () => {
    const { reference, incident } = await anIncident();
    await recordRegulatorDecision(db, {
      actor: admin,
      input: {
        decision: 'notified',
        reference,
        version: incident.version,
        notifiedAt: toWallClockTime(new Date(), env().TIME_ZONE),
        method: 'The authority’s online form',
        regulatorReference: 'DPA-2026-0042',
        document: pdf(),
      },
    });

    const sha256 = createHash('sha256').update('%PDF-1.7 the notification sent to the authority').digest('hex');
    const { documents, events } = await getIncident(db, { actor: admin, reference });
    expect(documents).toEqual([expect.objectContaining({ kind: 'regulator_notification', fileName: 'notification.pdf', sha256 })]);
    expect(events.find((event) => event.action === 'incident_regulator_notified')?.details).toMatchObject({
      document: { fileName: 'notification.pdf', sha256 },
    });

    const auditor = await createStaffMember(db, { role: 'auditor' });
    const download = await downloadIncidentDocument(db, { actor: auditor, id: documents[0]!.id });
    expect(download).toMatchObject({ fileName: 'notification.pdf', contentType: 'application/pdf' });
    const bytes = Buffer.from(await new Response(download.body).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    const [opened] = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'incident_document_downloaded'), eq(requestEvents.actorId, auditor.staffId)));
    expect(opened?.details).toMatchObject({ documentId: documents[0]!.id });

    const agent = await createStaffMember(db, { role: 'agent' });
    await expect(downloadIncidentDocument(db, { actor: agent, id: documents[0]!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a refused decision leaves no file behind', async () => {
    const { reference, incident, discoveredAt } = await anIncident();
    const before = storedFiles();
    await expect(
      recordRegulatorDecision(db, {
        actor: admin,
        input: {
          decision: 'notified',
          reference,
          version: incident.version,
          notifiedAt: toWallClockTime(new Date(discoveredAt.getTime() - 2 * HOUR), env().TIME_ZONE),
          method: 'Email',
          regulatorReference: '',
          document: pdf(),
        },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'notifiedAt' } });
    expect(storedFiles()).toBe(before);
    expect(await db.select().from(incidentDocuments).where(eq(incidentDocuments.incidentId, incident.id))).toEqual([]);
  });

  it('the form refuses a file of another kind with a field message', () => {
    const parsed = ZRegulatorDecision.safeParse({
      decision: 'notified',
      reference: 'INC-1',
      version: 1,
      notifiedAt: '2026-12-01T10:00',
      method: 'Email',
      document: new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }),
    });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['document'], message: 'Attach a PDF, PNG, JPEG, email (.eml) or text file' });
  });
});
