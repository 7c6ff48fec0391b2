import { getStorage } from '@/lib/storage/get-storage';
import { runStagingPrefix } from './staging-keys';

/** Removes everything staged under a prefix (a run's or one source's); nothing staged is not an error. */
export async function deleteStagedFiles(prefix: string): Promise<void> {
  const storage = getStorage();
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  for (const key of keys) await storage.delete(key);
}

export async function deleteStagedRun(runId: string): Promise<void> {
  await deleteStagedFiles(runStagingPrefix(runId));
}
