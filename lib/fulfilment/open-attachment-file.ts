import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '@/lib/errors/app-error';
import { attachmentPath } from './store-attachment-file';

/**
 * A stored file's bytes as a web stream, read from disk as the response goes out
 * (a large export is never held in memory). A record whose bytes are gone is
 * "not found" to the visitor; the missing file is a storage problem for the log.
 */
export async function openAttachmentFile(storageKey: string): Promise<ReadableStream<Uint8Array>> {
  const filePath = attachmentPath(storageKey);
  try {
    await stat(filePath);
  } catch (error) {
    console.error(`attachment ${storageKey} is recorded but missing from storage`, error);
    throw new AppError('NOT_FOUND', 'This file is no longer available.');
  }
  return Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>;
}
