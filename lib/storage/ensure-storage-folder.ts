import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file stands where a folder should be',
};

/**
 * Creates a folder under the storage directory. A recursive mkdir below a folder the
 * process may not write reports ENOENT, which sent agents looking for a missing folder;
 * this names the real cause (permission denied, read-only, disk full) and the folder.
 */
export async function ensureStorageFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new Error(`The storage folder ${folder} cannot be created: ${await describeStorageFailure(folder, error)}`, { cause: error });
  }
}

/** A storage error in words an administrator can act on, with the system's code, e.g. "the disk is full (ENOSPC)". */
export async function describeStorageFailure(target: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (CAUSES[code]) return `${CAUSES[code]} (${code})`;
  if (code === 'ENOENT') {
    // The nearest folder that exists is where the write was refused.
    for (let current = path.dirname(path.resolve(target)); ; current = path.dirname(current)) {
      const exists = await access(current).then(
        () => true,
        () => false,
      );
      if (exists) {
        const isWritable = await access(current, constants.W_OK).then(
          () => true,
          () => false,
        );
        return isWritable ? `a folder on the way is missing (ENOENT)` : `permission denied on ${current} (EACCES)`;
      }
      if (current === path.dirname(current)) break;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
