import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { getStorage } from '@/lib/storage/get-storage';
import { isUuid } from '@/lib/validation/is-uuid';

export type StoredFile = { storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };

/** A stored file's key in the storage (STORAGE_URL). Keys are random UUIDs, so no name from a user ever reaches it. */
export function attachmentObjectKey(storageKey: string): string {
  if (!isUuid(storageKey)) throw new Error('invalid storage key');
  return `attachments/${storageKey}`;
}

/** Streams an uploaded file into storage (outside the web root) before the database records it, hashing it on the way. */
export async function storeAttachmentFile(file: File): Promise<StoredFile> {
  const storageKey = randomUUID();
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const { sizeBytes } = await getStorage().put(
    attachmentObjectKey(storageKey),
    Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream).pipe(hashing),
  );
  return {
    storageKey,
    fileName: safeFileName(file.name),
    contentType: file.type || 'application/octet-stream',
    sizeBytes,
    sha256: hash.digest('hex'),
  };
}

export async function deleteAttachmentFile(storageKey: string): Promise<void> {
  await getStorage().delete(attachmentObjectKey(storageKey));
}

/** The name shown to the requester: no path parts, no control characters, at most 200 characters. */
function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (base || 'file').slice(0, 200);
}
