import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { listStoredFiles, localFolderStorage } from './local-folder-storage';

export type RekeyLocalFolderResult = { reencrypted: string[]; current: string[]; unreadable: string[] };

/**
 * After ENCRYPTION_KEY (or APP_SECRET) changed: encrypts every file of a local storage folder again,
 * from the previous key to the current one. A file the current key already reads is left alone, so
 * a run that stopped half-way is simply run again. Each file is written under a temporary name and
 * renamed over the old one only once its last byte decrypted and verified (the storage's own put),
 * so a crash leaves every file readable with one key or the other, never half of each. Files from
 * before storage was encrypted (plain bytes) are left as they are.
 */
export async function rekeyLocalFolder({
  root,
  previousKey,
  currentKey,
}: {
  root: string;
  previousKey: Buffer;
  currentKey: Buffer;
}): Promise<RekeyLocalFolderResult> {
  const previous = localFolderStorage({ root, key: previousKey });
  const current = localFolderStorage({ root, key: currentKey });
  const result: RekeyLocalFolderResult = { reencrypted: [], current: [], unreadable: [] };
  const keys: string[] = [];
  for await (const { key } of listStoredFiles(root, '')) keys.push(key);
  for (const key of keys) {
    if (await readsWhole(current, key)) {
      result.current.push(key);
      continue;
    }
    try {
      await current.put(key, await previous.get(key));
      result.reencrypted.push(key);
    } catch (error) {
      // GCM's tag fails at the end of a file neither key wrote: the put was abandoned, the file is as it was.
      console.error(`stored file ${key} could not be re-encrypted`, error);
      result.unreadable.push(key);
    }
  }
  return result;
}

/** Whether the key decrypts the whole file and its tag verifies (read to the end, kept nowhere). */
async function readsWhole(storage: ReturnType<typeof localFolderStorage>, key: string): Promise<boolean> {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  return pipeline(await storage.get(key), discard).then(
    () => true,
    () => false,
  );
}
