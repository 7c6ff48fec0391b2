import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as postIntake } from '@/app/api/requests/route';
import { correctionAttachments } from '@/db/schema';
import { renderEmail } from '@/emails/render-email';
import type { TEmailPayload } from '@/emails/templates';
import { getStorage } from '@/lib/storage/get-storage';
import { gatherCorrectionFields } from '@/lib/validation/correction-request';
import { ZFileOnBehalfForm } from '@/lib/validation/staff-actions';
import { ZSubmitRequestForm } from '@/lib/validation/submit-request';
import { evidenceObjectKey } from '@/lib/verification/evidence-file';
import { aFileRequestBody, anApiKey, callApi } from '@/test/support/api-v1';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { listOutboundEmails } from '@/test/support/outbox';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { getRequest, listEvents, listRequestsForEmail } from '@/test/support/requests';
import { createStaffMember, useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { downloadCorrectionAttachment } from './download-correction-attachment';
import { fileAtDesk } from './file-on-behalf';
import { getRequestDetail } from './get-request-detail';
import { getRequestStatus } from './get-request-status';
import { minimiseClosedRequests } from './minimise-closed-requests';
import { rejectRequest } from './reject-request';
import { submitRequest } from './submit-request';

const db = useTestDatabase();
const team = useStaffTeam(db);
const setEnv = useEnvOverrides();
const storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-correction-'));
beforeEach(() => setEnv({ STORAGE_URL: storageDir }));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
const PROOF_TEXT = 'Certificate of marriage: Ada King, née Byron';
const proof = (name = 'certificate.pdf', type = 'application/pdf') => new File([Buffer.from(`%PDF-1.4 ${PROOF_TEXT}`)], name, { type });
const lines = [
  { field: 'Postal address', currentValue: '1 Old Road', shouldBe: '12 St James’s Square, London' },
  { field: 'Surname', shouldBe: 'King' },
];

/** The public form's post as the action reads it: one input per line and part (correctionFields.<n>.<part>). */
function aPublicFormPost(overrides: Record<string, unknown> = {}) {
  return gatherCorrectionFields({
    ...aSubmission({ type: 'correction', details: undefined }),
    'correctionFields.0.field': lines[0]!.field,
    'correctionFields.0.currentValue': lines[0]!.currentValue,
    'correctionFields.0.shouldBe': lines[0]!.shouldBe,
    'correctionFields.1.field': lines[1]!.field,
    'correctionFields.1.currentValue': '',
    'correctionFields.1.shouldBe': lines[1]!.shouldBe,
    // A line left empty is no line.
    'correctionFields.2.field': '',
    'correctionFields.2.currentValue': '',
    'correctionFields.2.shouldBe': '',
    ...overrides,
  });
}

async function storedObjectCount(): Promise<number> {
  const [row] = await db.execute<{ total: number }>(sql`select count(*)::int as total from correction_attachments`);
  return row!.total;
}

async function storedBytes(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(evidenceObjectKey(storageKey))) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function documentsOf(requestId: string) {
  return db.select().from(correctionAttachments).where(eq(correctionAttachments.requestId, requestId));
}

describe('a correction request names fields and sends proof documents (GDPR Art. 16; CCPA §1798.106)', () => {
  it('[requester] files on the public form with lines and a proof: the lines are stored, the proof encrypted, both shown to staff', async () => {
    const parsed = ZSubmitRequestForm.parse({ ...aPublicFormPost(), correctionAttachments: [proof()] });
    expect(await submitRequest(db, { input: parsed, channel: 'web', ip: uniqueIp() })).toBe('created');
    const [request] = await listRequestsForEmail(db, { email: parsed.email });
    expect(request!.details).toBeNull();
    expect(request!.correctionFields).toEqual(lines);
    const [document, ...others] = await documentsOf(request!.id);
    expect(others).toHaveLength(0);
    expect(document).toMatchObject({ fileName: 'certificate.pdf', contentType: 'application/pdf', deletedAt: null });
    // Encrypted at rest: the stored bytes are not the document.
    expect((await storedBytes(document!.storageKey)).toString('latin1')).not.toContain(PROOF_TEXT);
    expect((await listEvents(db, { requestId: request!.id })).map((event) => event.action)).toContain('correction_attachments_uploaded');
  });

  it('[agent] files at the desk with lines and a proof; only the assignee and admins open the proof, each view audited', async () => {
    const form = ZFileOnBehalfForm.parse({
      type: 'correction',
      email: uniqueEmail('desk'),
      fullName: 'Ada King',
      jurisdiction: 'eu_gdpr',
      intakeChannel: 'letter',
      identityCheck: 'Letter signed and matched to the account’s signature on file.',
      receivedOn: new Date().toISOString().slice(0, 10),
      'correctionFields.0.field': 'Surname',
      'correctionFields.0.shouldBe': 'King',
      correctionAttachments: [proof()],
    });
    const { reference } = await fileAtDesk(db, { actor: team.agent, input: form });
    const detail = await getRequestDetail(db, { actor: team.agent, reference: reference! });
    expect(detail.correctionFields).toEqual([{ field: 'Surname', shouldBe: 'King' }]);
    expect(detail.correctionAttachments).toEqual([expect.objectContaining({ fileName: 'certificate.pdf' })]);
    expect(detail.canOpenCorrectionDocuments).toBe(true);
    const attachmentId = detail.correctionAttachments[0]!.id;

    expect((await downloadCorrectionAttachment(db, { actor: team.agent, attachmentId })).bytes.toString()).toContain(PROOF_TEXT);
    expect((await downloadCorrectionAttachment(db, { actor: team.admin, attachmentId })).bytes.toString()).toContain(PROOF_TEXT);
    const otherAgent = await createStaffMember(db, { role: 'agent', name: 'Not Assigned' });
    await expect(downloadCorrectionAttachment(db, { actor: otherAgent, attachmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(downloadCorrectionAttachment(db, { actor: team.auditor, attachmentId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getRequestDetail(db, { actor: otherAgent, reference: reference! })).canOpenCorrectionDocuments).toBe(false);
    const views = (await listEvents(db, { requestId: detail.id })).filter((event) => event.action === 'correction_attachment_viewed');
    expect(views.map((event) => event.actorId)).toEqual([team.agent.staffId, team.admin.staffId]);

    // The acknowledgement lists what they asked to correct.
    const acknowledgement = (await listOutboundEmails(db, { requestId: detail.id })).find((email) => email.template === 'acknowledgement');
    const { text } = await renderEmail(acknowledgement!.payload as TEmailPayload);
    expect(text).toContain('You asked us to correct:');
    expect(text).toMatch(/Surname:\s*King/);
  });

  it('[requester] sees on the status page what they asked to correct', async () => {
    const { statusToken } = await createVerifiedRequest(db, {
      type: 'correction',
      input: { details: 'My married name.', correctionFields: lines },
    });
    const status = await getRequestStatus(db, { token: statusToken });
    expect(status!.correction).toEqual({ details: 'My married name.', fields: lines, documentCount: 0 });
  });

  it('refuses bad input with field errors, on every intake, and writes nothing', async () => {
    const nothing = ZSubmitRequestForm.safeParse(aSubmission({ type: 'correction', details: undefined }));
    expect(nothing.error?.issues).toEqual([
      expect.objectContaining({ path: ['details'], message: 'Say which of your details are wrong and what they should be' }),
    ]);
    const tooMany = Array.from({ length: 21 }, (_, index) => ({ field: `field ${index}`, shouldBe: 'x' }));
    expect(ZSubmitRequestForm.safeParse({ ...aPublicFormPost(), correctionFields: tooMany }).error?.issues).toEqual([
      expect.objectContaining({ path: ['correctionFields'], message: 'Name at most 20 fields to correct' }),
    ]);
    expect(ZSubmitRequestForm.safeParse(aPublicFormPost({ 'correctionFields.0.shouldBe': '' })).error?.issues).toEqual([
      expect.objectContaining({ path: ['correctionFields', 0, 'shouldBe'], message: 'Say what the field should be' }),
    ]);
    expect(
      ZSubmitRequestForm.safeParse({ ...aPublicFormPost(), correctionAttachments: [proof('x.exe', 'application/x-msdownload')] }).error
        ?.issues,
    ).toEqual([expect.objectContaining({ path: ['correctionAttachments', 0], message: 'Upload a PDF, JPEG or PNG file.' })]);
    expect(ZSubmitRequestForm.safeParse({ ...aSubmission({ type: 'access' }), correctionAttachments: [proof()] }).error?.issues).toEqual([
      expect.objectContaining({ path: ['correctionAttachments'], message: 'Documents go with a correction request only' }),
    ]);

    const documentsBefore = await storedObjectCount();
    const email = uniqueEmail('json');
    const response = await postIntake(
      new Request('http://localhost:3999/api/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueIp() },
        body: JSON.stringify({
          type: 'correction',
          email,
          fullName: 'Ada King',
          jurisdiction: 'eu_gdpr',
          isAuthorised: true,
          correctionFields: [{ field: 'Surname', shouldBe: '' }],
        }),
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ correctionFields: ['Say what the field should be'] });
    expect(await listRequestsForEmail(db, { email })).toHaveLength(0);

    const { secret } = await anApiKey(db, ['requests:create']);
    const apiEmail = uniqueEmail('v1');
    const refused = await callApi({
      method: 'POST',
      path: '/requests',
      key: secret,
      body: aFileRequestBody({ type: 'access', email: apiEmail, correctionFields: lines }),
    });
    expect(refused.response.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('Fields to correct go with a correction request only');
    expect(await listRequestsForEmail(db, { email: apiEmail })).toHaveLength(0);
    expect(await storedObjectCount()).toBe(documentsBefore);
  });

  it('[API client] files a correction with lines through the JSON intake and through /api/v1', async () => {
    const email = uniqueEmail('json');
    const response = await postIntake(
      new Request('http://localhost:3999/api/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueIp() },
        body: JSON.stringify({
          type: 'correction',
          email,
          fullName: 'Ada King',
          jurisdiction: 'eu_gdpr',
          isAuthorised: true,
          correctionFields: lines,
        }),
      }),
    );
    expect(response.status).toBe(202);
    expect((await listRequestsForEmail(db, { email }))[0]!.correctionFields).toEqual(lines);

    const { secret } = await anApiKey(db, ['requests:create', 'requests:read']);
    const apiEmail = uniqueEmail('v1');
    const filed = await callApi({
      method: 'POST',
      path: '/requests',
      key: secret,
      body: aFileRequestBody({ type: 'correction', email: apiEmail, correctionFields: lines }),
    });
    expect(filed.response.status).toBe(201);
    expect((await listRequestsForEmail(db, { email: apiEmail }))[0]!.correctionFields).toEqual(lines);
  });

  it('[system] minimisation removes the lines and the proof documents with the rest of the personal data', async () => {
    const longAgo = new Date(Date.now() - 400 * DAY);
    const form = ZFileOnBehalfForm.parse({
      type: 'correction',
      email: uniqueEmail('old'),
      fullName: 'Ada King',
      jurisdiction: 'eu_gdpr',
      intakeChannel: 'letter',
      identityCheck: 'Letter signed and matched to the account’s signature on file.',
      receivedOn: longAgo.toISOString().slice(0, 10),
      'correctionFields.0.field': 'Surname',
      'correctionFields.0.shouldBe': 'King',
      correctionAttachments: [proof()],
    });
    const { reference } = await fileAtDesk(db, { actor: team.agent, input: form, now: longAgo });
    const detail = await getRequestDetail(db, { actor: team.agent, reference: reference! });
    const [document] = await documentsOf(detail.id);
    expect(await getStorage().exists(evidenceObjectKey(document!.storageKey))).toBe(true);
    await rejectRequest(db, {
      actor: team.agent,
      reference: reference!,
      version: detail.version,
      basis: 'identity_not_verified',
      message: 'We could not confirm it is you.',
      now: longAgo,
    });

    await minimiseClosedRequests(db, { now: new Date() });

    const minimised = await getRequest(db, { id: detail.id });
    expect(minimised).toMatchObject({ correctionFields: null, details: null, purgedAt: expect.any(Date) });
    const [gone] = await documentsOf(detail.id);
    expect(gone!.deletedAt).not.toBeNull();
    expect(await getStorage().exists(evidenceObjectKey(document!.storageKey))).toBe(false);
    await expect(downloadCorrectionAttachment(db, { actor: team.admin, attachmentId: gone!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
