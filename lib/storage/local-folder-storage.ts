import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ensureStorageFolder } from './ensure-storage-folder';
import {
  assertStorageKey,
  assertStoragePrefix,
  isStorageKey,
  type ObjectStorage,
  type StoredObjectInfo,
  StoredObjectMissing,
} from './object-storage';

const MAGIC = Buffer.from('DSRE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

/**
 * Files in a local folder, encrypted with AES-256-GCM: `DSRE1`, a random 12-byte IV, the
 * ciphertext, then the 16-byte tag. The object's key is the associated data, so a file moved
 * to another key fails to decrypt. Writes go to a temporary name and are renamed into place,
 * so a reader never sees half a file. A tampered file fails at its end: the stream errors
 * after the bytes before it have been read, which is why downloads are not resumed from it.
 * Files from before this format (no `DSRE1` header) are read as plain bytes.
 */
export function localFolderStorage({ root, key }: { root: string; key: Buffer }): ObjectStorage {
  const filePath = (objectKey: string) => {
    assertStorageKey(objectKey);
    return path.resolve(root, objectKey);
  };
  return {
    kind: 'local',
    async put(objectKey, body) {
      const target = filePath(objectKey);
      const temporary = `${target}.partial-${randomUUID()}`;
      const handle = await createFile(temporary);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(objectKey, 'utf8'));
      let sizeBytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sizeBytes += chunk.byteLength;
          done(null, chunk);
        },
      });
      const output = createWriteStream('', { fd: handle });
      output.write(Buffer.concat([MAGIC, iv]));
      try {
        await pipeline(body, count, cipher, output, { end: false });
        await new Promise<void>((resolve, reject) =>
          output.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())),
        );
        await rename(temporary, target);
      } catch (error) {
        output.destroy();
        await rm(temporary, { force: true });
        throw error;
      }
      return { sizeBytes };
    },
    async get(objectKey) {
      const source = filePath(objectKey);
      let size: number;
      try {
        size = (await stat(source)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissing(objectKey);
        throw error;
      }
      const handle = await open(source, 'r');
      const header = Buffer.alloc(HEADER_BYTES);
      const tag = Buffer.alloc(TAG_BYTES);
      try {
        await handle.read(header, 0, Math.min(HEADER_BYTES, size), 0);
        if (size >= HEADER_BYTES + TAG_BYTES) await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
      } finally {
        await handle.close();
      }
      // Files written before storage was encrypted (plain bytes, no header) are still served as they are.
      if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return createReadStream(source);
      if (size < HEADER_BYTES + TAG_BYTES) throw new Error(`stored object ${objectKey} is truncated`);
      const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length));
      decipher.setAAD(Buffer.from(objectKey, 'utf8'));
      decipher.setAuthTag(tag);
      const plaintext = new PassThrough();
      const ciphertext =
        size > HEADER_BYTES + TAG_BYTES ? createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }) : Readable.from([]);
      pipeline(ciphertext, decipher, plaintext).catch((error: unknown) => plaintext.destroy(error as Error));
      return plaintext;
    },
    async exists(objectKey) {
      try {
        return (await stat(filePath(objectKey))).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    async delete(objectKey) {
      await rm(filePath(objectKey), { force: true });
      // A staged file's emptied folders go with it, so a cleaned-up run leaves nothing behind.
      if (objectKey.startsWith('staging/')) await removeEmptyFolders(root, path.dirname(objectKey));
    },
    list(prefix) {
      assertStoragePrefix(prefix);
      return listStoredFiles(root, prefix);
    },
  };
}

/**
 * Makes the file's folders and opens it. Deleting the last staged file of a folder removes the
 * emptied folder, which can happen between this mkdir and open: the open then finds no folder
 * and makes it again.
 */
async function createFile(filePath: string): Promise<FileHandle> {
  for (let attempt = 1; ; attempt += 1) {
    await ensureStorageFolder(path.dirname(filePath));
    try {
      return await open(filePath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
    }
  }
}

/** The objects under `prefix` in a local storage folder (`''` for all of them), walked folder by folder. */
export async function* listStoredFiles(root: string, prefix: string): AsyncIterable<StoredObjectInfo> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.resolve(root, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const key = `${prefix}${entry.name}`;
    if (entry.isDirectory()) yield* listStoredFiles(root, `${key}/`);
    // A `.partial-` file is a write in progress (or one a crash left): not an object yet. Nor is a
    // file whose name the app never makes (one an older version left in its local staging folder).
    else if (entry.isFile() && !entry.name.includes('.partial-') && isStorageKey(key))
      yield { key, lastModified: (await stat(path.resolve(root, key))).mtime };
  }
}

async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current !== 'staging' && current !== '.'; current = path.dirname(current)) {
    try {
      await rmdir(path.resolve(root, current));
    } catch (error) {
      // Not empty (another file is still staged there) or already gone: either way, nothing more to remove.
      if (['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
      throw error;
    }
  }
}
