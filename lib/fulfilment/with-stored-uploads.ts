import { assertAttachmentLimits } from './attachment-limits';
import { deleteAttachmentFile, type StoredFile, storeAttachmentFile } from './store-attachment-file';

/**
 * Writes the agent's uploads (empty file inputs dropped) to storage, then runs `record`, which
 * records them in the database. Files go first because a transaction cannot hold a stream open;
 * if recording fails they are removed again, so storage never serves a file no request owns.
 */
export async function withStoredUploads<T>(files: readonly File[], record: (stored: StoredFile[]) => Promise<T>): Promise<T> {
  const uploads = files.filter((file) => file.size > 0);
  assertAttachmentLimits(uploads);
  const stored: StoredFile[] = [];
  try {
    for (const file of uploads) stored.push(await storeAttachmentFile(file));
    return await record(stored);
  } catch (error) {
    await Promise.all(stored.map((file) => deleteAttachmentFile(file.storageKey)));
    throw error;
  }
}
