import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { identityEvidence } from '@/db/schema';
import { fileAtDesk } from '@/lib/requests/file-on-behalf';
import { submitRequest } from '@/lib/requests/submit-request';
import { getStorage } from '@/lib/storage/get-storage';
import { EVIDENCE_MAX_BYTES } from '@/lib/validation/evidence-file';
import { ZFileOnBehalf } from '@/lib/validation/staff-actions';
import { ZSubmitRequestForm } from '@/lib/validation/submit-request';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { getRequest, listEvents, listRequestsForEmail } from '@/test/support/requests';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { createStaffMember, useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { downloadEvidence } from './download-evidence';
import { evidenceObjectKey } from './evidence-file';
import { getIdentityPanel } from './get-identity-panel';

const db = useTestDatabase();
const team = useStaffTeam(db);
const setEnv = useEnvOverrides();

// This file's own storage folder, so a stray file is seen and other files' uploads are not.
const storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-agent-permission-'));
beforeEach(() => setEnv({ STORAGE_URL: storageDir }));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const agent = { agentName: 'Rita Representative', agentOrganisation: 'Privacy Helpers Ltd' };
const SIGNED_TEXT = 'I, Ada Lovelace, authorise Rita Representative to act for me. Signed: A. Lovelace';

function aSignedPermission(name = 'permission.pdf', type = 'application/pdf'): File {
  return new File([Buffer.from(`%PDF-1.4 ${SIGNED_TEXT}`)], name, { type });
}

function aDeskFiling(overrides: Record<string, unknown> = {}) {
  return {
    type: 'deletion',
    email: uniqueEmail('person'),
    fullName: 'Ada Lovelace',
    jurisdiction: 'us_ca_ccpa',
    intakeChannel: 'letter',
    identityCheck: 'Letter from the agent with a signed permission; checked the signature.',
    receivedOn: new Date().toISOString().slice(0, 10),
    ...agent,
    agentEmail: uniqueEmail('agent'),
    ...overrides,
  };
}

async function storedBytes(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(evidenceObjectKey(storageKey))) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function permissionsOf(requestId: string) {
  return db.select().from(identityEvidence).where(eq(identityEvidence.requestId, requestId));
}

describe('the signed permission an authorised agent uploads (11 CCR §7063)', () => {
  it('the public form asks an agent for the signed permission, on its own field, and refuses what is not a PDF or image under 10 MB', () => {
    const asAgent = { ...aSubmission(), ...agent, agentEmail: uniqueEmail('agent') };
    const missing = ZSubmitRequestForm.safeParse(asAgent);
    expect(missing.error?.issues).toEqual([
      expect.objectContaining({ path: ['agentPermission'], message: 'Upload the person’s signed permission for you to act for them' }),
    ]);
    expect(ZSubmitRequestForm.safeParse({ ...asAgent, agentPermission: aSignedPermission() }).success).toBe(true);
    // A person filing for themselves uploads nothing.
    expect(ZSubmitRequestForm.safeParse(aSubmission()).success).toBe(true);

    const wrongType = ZSubmitRequestForm.safeParse({ ...asAgent, agentPermission: aSignedPermission('x.exe', 'application/x-msdownload') });
    expect(wrongType.error?.issues).toEqual([
      expect.objectContaining({ path: ['agentPermission'], message: 'Upload a PDF, JPEG or PNG file.' }),
    ]);
    const tooBig = new File([Buffer.alloc(EVIDENCE_MAX_BYTES + 1)], 'big.pdf', { type: 'application/pdf' });
    expect(ZSubmitRequestForm.safeParse({ ...asAgent, agentPermission: tooBig }).error?.issues).toEqual([
      expect.objectContaining({ path: ['agentPermission'], message: 'The file is too big. Upload a file under 10 MB.' }),
    ]);
  });

  it('the staff form takes the signed permission or a checked power of attorney', () => {
    const neither = ZFileOnBehalf.safeParse(aDeskFiling());
    expect(neither.error?.issues).toEqual([
      expect.objectContaining({
        path: ['agentPermission'],
        message: 'Upload the person’s signed permission, or tick that you checked a power of attorney',
      }),
    ]);
    expect(ZFileOnBehalf.safeParse(aDeskFiling({ agentHasPowerOfAttorney: 'on' })).success).toBe(true);
    expect(ZFileOnBehalf.safeParse(aDeskFiling({ agentPermission: aSignedPermission() })).success).toBe(true);
    // Staff filing for the person themselves need neither.
    const { agentName: _name, agentOrganisation: _organisation, agentEmail: _email, ...direct } = aDeskFiling();
    expect(ZFileOnBehalf.safeParse(direct).success).toBe(true);
  });

  it('[agent] files on the public form: the permission is stored encrypted (the stored bytes are not the document), recorded and audited', async () => {
    const input = ZSubmitRequestForm.parse({
      ...aSubmission({ type: 'access', jurisdiction: 'us_ca_ccpa' }),
      ...agent,
      agentEmail: uniqueEmail('agent'),
      agentPermission: aSignedPermission('../../signed "permission".pdf'),
    });
    expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).toBe('created');
    const [request] = await listRequestsForEmail(db, { email: input.email });
    expect(request).toMatchObject({ isFiledByAgent: true, status: 'unverified' });

    const [permission, ...others] = await permissionsOf(request!.id);
    expect(others).toHaveLength(0);
    expect(permission).toMatchObject({ kind: 'agent_permission', fileName: 'signed permission.pdf', contentType: 'application/pdf' });
    const onDisk = await storedBytes(permission!.storageKey);
    expect(onDisk.toString('latin1')).not.toContain('authorise Rita');
    expect(onDisk.length).toBeGreaterThan(SIGNED_TEXT.length);

    const events = await listEvents(db, { requestId: request!.id });
    expect(events.find((event) => event.action === 'agent_permission_uploaded')).toMatchObject({
      actorType: 'requester',
      details: { evidenceId: permission!.id, contentType: 'application/pdf' },
    });
  });

  it('a duplicate submission adds no second permission and leaves no stray file in storage', async () => {
    const email = uniqueEmail('person');
    const file = () => aSignedPermission();
    const input = () =>
      ZSubmitRequestForm.parse({ ...aSubmission({ email }), ...agent, agentEmail: uniqueEmail('agent'), agentPermission: file() });
    await submitRequest(db, { input: input(), channel: 'web', ip: uniqueIp() });
    const before = await listStoredKeys();
    expect(before.length).toBeGreaterThan(0);
    expect(await submitRequest(db, { input: input(), channel: 'web', ip: uniqueIp() })).toBe('resent-verification');
    const [request] = await listRequestsForEmail(db, { email });
    expect(await permissionsOf(request!.id)).toHaveLength(1);
    expect(await listStoredKeys()).toEqual(before);
  });

  it('[agent] files at the desk with a permission: only the assigned agent and admins can open it; another agent and an auditor cannot', async () => {
    const input = ZFileOnBehalf.parse(aDeskFiling({ agentPermission: aSignedPermission() }));
    expect((await fileAtDesk(db, { actor: team.agent, input })).reference).toBeNull();
    const [request] = await listRequestsForEmail(db, { email: input.email });
    expect(request).toMatchObject({ assigneeId: team.agent.staffId, isFiledByAgent: true });
    const [permission] = await permissionsOf(request!.id);
    expect(permission).toMatchObject({ kind: 'agent_permission', fileName: 'permission.pdf' });
    expect((await storedBytes(permission!.storageKey)).toString('latin1')).not.toContain('authorise Rita');

    const assigned = await downloadEvidence(db, { actor: team.agent, evidenceId: permission!.id });
    expect(assigned.bytes.toString()).toContain(SIGNED_TEXT);
    expect((await downloadEvidence(db, { actor: team.admin, evidenceId: permission!.id })).bytes.toString()).toContain(SIGNED_TEXT);
    const otherAgent = await createStaffMember(db, { role: 'agent', name: 'Not Assigned' });
    await expect(downloadEvidence(db, { actor: otherAgent, evidenceId: permission!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(downloadEvidence(db, { actor: team.auditor, evidenceId: permission!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const events = await listEvents(db, { requestId: request!.id });
    expect(events.find((event) => event.action === 'agent_permission_uploaded')).toMatchObject({
      actorType: 'staff',
      actorId: team.agent.staffId,
    });
    expect(events.filter((event) => event.action === 'identity_evidence_viewed')).toHaveLength(2);
    expect(events.find((event) => event.action === 'identity_evidence_viewed')).toMatchObject({ details: { kind: 'agent_permission' } });

    // The request page's identity panel lists it, marked as the agent's permission, and says who may open it.
    const row = await getRequest(db, { id: request!.id });
    const forAssignee = await getIdentityPanel(db, { actor: team.agent, request: row });
    expect(forAssignee.evidence).toEqual([expect.objectContaining({ id: permission!.id, kind: 'agent_permission', deletedAt: null })]);
    expect(forAssignee.canOpenEvidence).toBe(true);
    expect((await getIdentityPanel(db, { actor: otherAgent, request: row })).canOpenEvidence).toBe(false);
  });

  it('a filing that fails leaves no stored file behind', async () => {
    const input = ZFileOnBehalf.parse(aDeskFiling({ agentPermission: aSignedPermission() }));
    await fileAtDesk(db, { actor: team.agent, input });
    const before = await listStoredKeys();
    // The same person and type again: refused as a duplicate, after the file was stored.
    const again = ZFileOnBehalf.parse({ ...aDeskFiling({ agentPermission: aSignedPermission() }), email: input.email });
    await expect(fileAtDesk(db, { actor: team.agent, input: again })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await listStoredKeys()).toEqual(before);
  });
});

/** Every evidence object in this file's storage folder (local folder storage keeps the key as the path). */
async function listStoredKeys(): Promise<string[]> {
  try {
    return readdirSync(path.join(storageDir, 'evidence')).sort();
  } catch {
    return [];
  }
}
