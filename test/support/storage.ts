import { Readable } from 'node:stream';
import { runStagingPrefix } from '@/lib/fulfilment/staging/staging-keys';
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

/** The keys of everything a run has staged, wherever STORAGE_URL puts it. */
export async function stagedKeys(runId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of getStorage().list(runStagingPrefix(runId))) keys.push(object.key);
  return keys.sort();
}

/** A staged object's text as the app reads it back (decrypted). */
export async function readStagedText(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Puts a file into a run's staging as a worker would (e.g. one a crash left behind). */
export async function stageFile(key: string, text: string): Promise<void> {
  await getStorage().put(key, Readable.from([Buffer.from(text, 'utf8')]));
}
