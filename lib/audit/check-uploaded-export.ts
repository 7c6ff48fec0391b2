import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { recordEvent } from './record-event';
import { auditPublicKey } from './tree-head-signing-key';
import { type ExportFileVerification, verifyExportFile } from './verify-export-file';

/**
 * An auditor (or admin) uploads an audit export and it is checked exactly as
 * `npm run audit:verify -- --export <file> --public-key <this log's key>` checks it:
 * the same verifier, given this log's public key, so a file signed by any other key
 * is refused. The upload streams to a private temporary file (any size) that is
 * removed afterwards; the check is recorded, with the result, not the file.
 */
export async function checkUploadedExport(
  db: Database,
  { actor, file }: { actor: StaffActor; file: File | null },
): Promise<ExportFileVerification & { fileName: string }> {
  assertCan(actor, 'audit.read');
  if (!file || file.size === 0)
    throw new AppError('VALIDATION', 'Choose the export file to check.', { fieldErrors: { file: ['Choose the export file to check'] } });
  const copy = path.join(tmpdir(), `dsr-desk-export-check-${randomUUID()}`);
  try {
    await pipeline(Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>), createWriteStream(copy, { mode: 0o600 }));
    const result = await verifyExportFile(copy, { publicKey: auditPublicKey().base64 });
    await recordEvent(db, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'audit_export_checked',
      details: { fileName: file.name.slice(0, 200), sizeBytes: file.size, isValid: result.isValid, rowCount: result.rowCount },
    });
    return { ...result, fileName: file.name };
  } finally {
    await rm(copy, { force: true });
  }
}
