import { attachmentObjectKey } from '@/lib/fulfilment/store-attachment-file';
import { getStorage } from '@/lib/storage/get-storage';

/** Whether a stored file's bytes are in storage (whichever STORAGE_URL names). */
export function storedObjectExists(storageKey: string): Promise<boolean> {
  return getStorage().exists(attachmentObjectKey(storageKey));
}

/** A stored file's bytes as the app reads them back (decrypted); for test-sized files only. */
export async function readStoredBytes(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(attachmentObjectKey(storageKey))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
