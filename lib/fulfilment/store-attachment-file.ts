import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureStorageFolder } from '@/lib/fulfilment/ensure-storage-folder';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/validation/is-uuid';

export type StoredFile = { storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };

/** Where a stored file's bytes live. Keys are random UUIDs, so no name from a user ever reaches the path. */
export function attachmentPath(storageKey: string): string {
  if (!isUuid(storageKey)) throw new Error('invalid storage key');
  return path.resolve(env().STORAGE_DIR, 'attachments', storageKey);
}

/** Writes an uploaded file to the storage folder (outside the web root) before the database records it. */
export async function storeAttachmentFile(file: File): Promise<StoredFile> {
  const bytes = Buffer.from(await file.arrayBuffer());
  const storageKey = randomUUID();
  const target = attachmentPath(storageKey);
  await ensureStorageFolder(path.dirname(target));
  await writeFile(target, bytes, { mode: 0o600 });
  return {
    storageKey,
    fileName: safeFileName(file.name),
    contentType: file.type || 'application/octet-stream',
    sizeBytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export async function deleteAttachmentFile(storageKey: string): Promise<void> {
  await rm(attachmentPath(storageKey), { force: true });
}

/** The name shown to the requester: no path parts, no control characters, at most 200 characters. */
function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'file').slice(0, 200);
}
