import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Entry, openPromise } from 'yauzl';
import { attachmentObjectKey } from '@/lib/fulfilment/store-attachment-file';
import { getStorage } from '@/lib/storage/get-storage';

/** Every file in a (small, test-sized) ZIP, by path. */
export async function readZipFile(filePath: string): Promise<Map<string, Buffer>> {
  const zip = await openPromise(filePath, { lazyEntries: true, autoClose: false });
  const files = new Map<string, Buffer>();
  try {
    const entries = await new Promise<Entry[]>((resolve, reject) => {
      const found: Entry[] = [];
      zip.on('entry', (entry: Entry) => {
        found.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(found));
      zip.once('error', reject);
      zip.readEntry();
    });
    for (const entry of entries) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      files.set(entry.fileName, Buffer.concat(chunks));
    }
    return files;
  } finally {
    zip.close();
  }
}

/** Every file in a stored package (read back through the storage, which decrypts it). */
export async function readStoredZip(storageKey: string): Promise<Map<string, Buffer>> {
  const copy = path.join(tmpdir(), `dsr-desk-test-${randomUUID()}.zip`);
  try {
    await pipeline(await getStorage().get(attachmentObjectKey(storageKey)), createWriteStream(copy));
    return await readZipFile(copy);
  } finally {
    await rm(copy, { force: true });
  }
}
