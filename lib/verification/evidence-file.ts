import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { secretBoxKey } from '@/lib/security/secret-box';
import { getStorage } from '@/lib/storage/get-storage';
import { AppError } from '@/lib/errors/app-error';
import { EVIDENCE_FILE_MESSAGES, ZEvidenceFile } from '@/lib/validation/evidence-file';
import { isUuid } from '@/lib/validation/is-uuid';
import type { UploadStore } from '@/lib/fulfilment/with-stored-uploads';

/**
 * Identity documents and agents' signed permissions are stored encrypted (AES-256-GCM under a key derived
 * from ENCRYPTION_KEY for this purpose), whatever the storage behind STORAGE_URL: a storage bucket or folder
 * leak shows nothing. Files are small (EVIDENCE_MAX_BYTES in lib/validation/evidence-file.ts), so they are encrypted whole.
 * Stored as iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext.
 */
function evidenceKey(): Buffer {
  const { ENCRYPTION_KEY, APP_SECRET } = env();
  return Buffer.from(
    hkdfSync('sha256', secretBoxKey({ encryptionKey: ENCRYPTION_KEY, appSecret: APP_SECRET }), 'dsr-desk', 'identity-evidence', 32),
  );
}

export function evidenceObjectKey(storageKey: string): string {
  if (!isUuid(storageKey)) throw new Error('invalid storage key');
  return `evidence/${storageKey}`;
}

export async function storeEvidenceFile(bytes: Buffer): Promise<{ storageKey: string; sizeBytes: number }> {
  const storageKey = randomUUID();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', evidenceKey(), iv);
  cipher.setAAD(Buffer.from(storageKey, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  await getStorage().put(evidenceObjectKey(storageKey), Readable.from([Buffer.concat([iv, cipher.getAuthTag(), ciphertext])]));
  return { storageKey, sizeBytes: bytes.length };
}

export async function readEvidenceFile(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(evidenceObjectKey(storageKey))) chunks.push(Buffer.from(chunk as Buffer));
  const stored = Buffer.concat(chunks);
  const decipher = createDecipheriv('aes-256-gcm', evidenceKey(), stored.subarray(0, 12));
  decipher.setAAD(Buffer.from(storageKey, 'utf8'));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
}

export async function deleteEvidenceFile(storageKey: string): Promise<void> {
  await getStorage().delete(evidenceObjectKey(storageKey));
}

/** Refuses what is not an identity document by type or size, before anything is stored. */
function evidenceFileProblem(file: File): string | null {
  const parsed = ZEvidenceFile.safeParse(file);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? EVIDENCE_FILE_MESSAGES.missing);
}

export type StoredUpload = { storageKey: string; sizeBytes: number; fileName: string; contentType: string };

/**
 * An uploaded document or signed permission, checked and stored encrypted, for a use case to record in its
 * transaction. The caller deletes it again (deleteEvidenceFile) if that transaction fails or keeps no row.
 */
export async function storeUpload(file: File, { field }: { field: string }): Promise<StoredUpload> {
  const problem = evidenceFileProblem(file);
  if (problem) throw new AppError('VALIDATION', problem, { field });
  const stored = await storeEvidenceFile(Buffer.from(await file.arrayBuffer()));
  return { ...stored, fileName: safeFileName(file.name), contentType: file.type };
}

/** The name as shown to staff and in the download's header: no path, no control characters or quotes. */
function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  return (base.replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'document').slice(0, 200);
}

/** withStoredUploads' store for documents kept encrypted (identity documents, agents' permissions, correction proofs). */
export function evidenceUploadStore(field: string): UploadStore<StoredUpload> {
  return { store: (file) => storeUpload(file, { field }), remove: (stored) => deleteEvidenceFile(stored.storageKey) };
}
