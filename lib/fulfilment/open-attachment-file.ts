import { Readable } from 'node:stream';
import { AppError } from '@/lib/errors/app-error';
import { getStorage } from '@/lib/storage/get-storage';
import { StoredObjectMissing } from '@/lib/storage/object-storage';
import { attachmentObjectKey } from './store-attachment-file';

/**
 * A stored file's bytes as a web stream, read from storage (a folder or a bucket) as the
 * response goes out, through the app so limits, expiry and the audit trail still apply; a
 * large export is never held in memory. A record whose bytes are gone is "not found" to the
 * visitor; the missing file is a storage problem for the log.
 */
export async function openAttachmentFile(storageKey: string): Promise<ReadableStream<Uint8Array>> {
  try {
    return Readable.toWeb(await getStorage().get(attachmentObjectKey(storageKey))) as ReadableStream<Uint8Array>;
  } catch (error) {
    if (!(error instanceof StoredObjectMissing)) throw error;
    console.error(`attachment ${storageKey} is recorded but missing from storage`);
    throw new AppError('NOT_FOUND', 'This file is no longer available.');
  }
}
