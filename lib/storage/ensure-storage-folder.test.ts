import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureStorageFolder } from './ensure-storage-folder';

const root = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-storage-'));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

describe('[agent] sees the real cause when the storage folder cannot be written', () => {
  it('names a file standing where a folder should be, and the folder', async () => {
    writeFileSync(path.join(root, 'blocked'), 'not a folder');
    await expect(ensureStorageFolder(path.join(root, 'blocked', 'runs', 'r1'))).rejects.toThrow(
      new RegExp(`${path.join(root, 'blocked', 'runs', 'r1')} cannot be created: a file stands where a folder should be \\(ENOTDIR\\)`),
    );
  });

  // Root writes anywhere, so a read-only folder only refuses an ordinary user.
  it.skipIf(process.getuid?.() === 0)('names "permission denied" for a read-only folder, not ENOENT', async () => {
    const readOnly = path.join(root, 'read-only');
    await ensureStorageFolder(readOnly);
    chmodSync(readOnly, 0o500);
    await expect(ensureStorageFolder(path.join(readOnly, 'staging', 'run'))).rejects.toThrow(/permission denied .*\(EACCES\)/);
  });

  it('creates missing folders on the way', async () => {
    await ensureStorageFolder(path.join(root, 'a', 'b', 'c'));
    await expect(ensureStorageFolder(path.join(root, 'a', 'b', 'c'))).resolves.toBeUndefined();
  });
});
