import { assertAttachmentLimits } from './attachment-limits';
import { deleteAttachmentFile, type StoredFile, storeAttachmentFile } from './store-attachment-file';

/** Where uploads go and how one is removed again: fulfilment attachments by default, or encrypted evidence (evidenceUploadStore). */
export type UploadStore<S> = {
  /** Checks the whole set before anything is written (counts, sizes). */
  assertLimits?: (files: readonly File[]) => void;
  store: (file: File) => Promise<S>;
  remove: (stored: S) => Promise<void>;
};

export const attachmentUploadStore: UploadStore<StoredFile> = {
  assertLimits: assertAttachmentLimits,
  store: storeAttachmentFile,
  remove: (stored) => deleteAttachmentFile(stored.storageKey),
};

/**
 * Writes the uploads (empty file inputs dropped) to storage, then runs `record`, which records them in the
 * database. Files go first because a transaction cannot hold a stream open; if recording fails, or its result
 * keeps none of them (`isKept` false: an intake merged into an open request), they are removed again, so
 * storage never serves a file no request owns.
 */
export async function withStoredUploads<T, S = StoredFile>(
  files: readonly File[],
  record: (stored: S[]) => Promise<T>,
  {
    store = attachmentUploadStore as unknown as UploadStore<S>,
    isKept = () => true,
  }: { store?: UploadStore<S>; isKept?: (result: T) => boolean } = {},
): Promise<T> {
  const uploads = files.filter((file) => file.size > 0);
  store.assertLimits?.(uploads);
  const stored: S[] = [];
  const removeAll = () => Promise.all(stored.map((file) => store.remove(file)));
  let result: T;
  try {
    for (const file of uploads) stored.push(await store.store(file));
    result = await record(stored);
  } catch (error) {
    await removeAll();
    throw error;
  }
  if (!isKept(result)) await removeAll();
  return result;
}
