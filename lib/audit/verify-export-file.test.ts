import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import type { AuditExportFormat } from '@/lib/validation/audit-export';
import { exportAuditLog } from './export-audit-log';
import { manifestLine, parseManifestLine } from './export-manifest';
import { auditPublicKey, publicKeyFingerprint } from './tree-head-signing-key';
import { verifyExportFile } from './verify-export-file';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-export-verify-'));
const seededHashes: string[] = [];
let auditor: StaffActor;

afterAll(() => closeSharedDatabase());
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await db.delete(requests).where(sql`${requests.emailHash} in ${seededHashes}`);
});

beforeAll(async () => {
  auditor = await createStaffMember(db, { role: 'auditor' });
  // July 2017 belongs to this file alone; one reason holds a comma, a quote and a newline, so CSV rows span lines.
  const rows = [
    { reference: `DSR-2017-${randomUUID().slice(0, 8)}`, extensionReason: 'Needs "legal" review,\nthen a second look' },
    { reference: `DSR-2017-${randomUUID().slice(0, 8)}`, extensionReason: null },
    { reference: `DSR-2017-${randomUUID().slice(0, 8)}`, extensionReason: null },
  ].map((row, index) => {
    const emailHash = `verify-export-${randomUUID()}`;
    seededHashes.push(emailHash);
    return {
      ...row,
      emailHash,
      type: 'access' as const,
      status: 'fulfilled' as const,
      channel: 'web' as const,
      jurisdiction: 'eu_gdpr',
      receivedOn: `2017-07-0${index + 1}`,
      receivedAt: new Date(`2017-07-0${index + 1}T12:00:00Z`),
    };
  });
  await db.insert(requests).values(rows);
});

async function exportToFile(format: AuditExportFormat): Promise<string> {
  const download = await exportAuditLog(db, { actor: auditor, query: { log: 'requests', format, from: '2017-07-01', to: '2017-07-31' } });
  const file = path.join(folder, `${randomUUID()}.${format}`);
  await pipeline(Readable.fromWeb(download.body as NodeReadableStream<Uint8Array>), createWriteStream(file));
  return file;
}

function changeByte(file: string, find: (content: Buffer) => number): void {
  const content = readFileSync(file);
  const index = find(content);
  expect(index).toBeGreaterThanOrEqual(0);
  content[index] = content[index] === 0x30 ? 0x31 : 0x30;
  writeFileSync(file, content);
}

describe.each(['csv', 'ndjson'] as const)('verifying a %s export', (format) => {
  it('[auditor] an untouched export is valid, with its row count', async () => {
    const result = await verifyExportFile(await exportToFile(format), { publicKey: auditPublicKey().base64 });
    expect(result).toMatchObject({
      isValid: true,
      rowCount: 3,
      problems: [],
      manifest: { log: 'requests', format, rowCount: 3, publicKey: auditPublicKey().base64 },
    });
  });

  it('fails when one data byte changes', async () => {
    const file = await exportToFile(format);
    changeByte(file, (content) => content.indexOf('2017-07-02'));
    const result = await verifyExportFile(file);
    expect(result.isValid).toBe(false);
    expect(result.problems).toEqual(['The data does not match the manifest’s sha256: rows were changed, added or removed.']);
  });

  it('fails when one signature byte changes', async () => {
    const file = await exportToFile(format);
    changeByte(file, (content) => content.lastIndexOf('"signature":"') + '"signature":"'.length);
    const result = await verifyExportFile(file);
    expect(result.isValid).toBe(false);
    expect(result.problems).toEqual([
      'The manifest signature does not match: the manifest was changed, or it was signed with another key.',
    ]);
  });

  it('fails when a row is removed and the manifest edited to match (the signature covers the manifest)', async () => {
    const file = await exportToFile(format);
    const content = readFileSync(file, 'utf8');
    const edited = content.replace('"rowCount":3', '"rowCount":2');
    writeFileSync(file, edited);
    expect((await verifyExportFile(file)).problems).toContain(
      'The manifest signature does not match: the manifest was changed, or it was signed with another key.',
    );
  });

  it('fails when the manifest line is missing (a download cut short)', async () => {
    const file = await exportToFile(format);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, -2).join('\n')}\n`);
    const result = await verifyExportFile(file);
    expect(result.isValid).toBe(false);
    expect(result.manifest).toBeNull();
  });

  it('needs no secret to check, and fails against another public key', async () => {
    const file = await exportToFile(format);
    const ours = auditPublicKey();
    setEnv({ APP_SECRET: 'another-secret-that-is-long-enough-for-hmac-9876543210' });
    expect((await verifyExportFile(file, { publicKey: ours.base64 })).isValid).toBe(true);
    const theirs = auditPublicKey();
    expect((await verifyExportFile(file, { publicKey: theirs.base64 })).problems).toEqual([
      `The file was signed with another key (fingerprint ${ours.fingerprint}), not the one given (${theirs.fingerprint}).`,
    ]);
  });

  it('fails when the manifest is re-signed with another key and that key put in the file', async () => {
    const file = await exportToFile(format);
    const ours = auditPublicKey().base64;
    const content = readFileSync(file, 'utf8');
    const lines = content.trimEnd().split('\n');
    const { manifest } = parseManifestLine(lines.at(-1)!)!;
    setEnv({ APP_SECRET: 'a-forger-secret-that-is-long-enough-for-hmac-0123456789' });
    const forged = auditPublicKey();
    const rewritten = manifestLine({ ...manifest, publicKey: forged.base64, keyFingerprint: forged.fingerprint, treeHead: null });
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n${rewritten}`);
    expect((await verifyExportFile(file, { publicKey: ours })).problems).toEqual([
      `The file was signed with another key (fingerprint ${forged.fingerprint}), not the one given (${publicKeyFingerprint(ours)}).`,
    ]);
  });
});
