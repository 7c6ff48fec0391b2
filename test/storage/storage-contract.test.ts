import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAttachmentFile } from '@/lib/fulfilment/open-attachment-file';
import { deleteAttachmentFile, storeAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { getStorage } from '@/lib/storage/get-storage';
import { localFolderStorage } from '@/lib/storage/local-folder-storage';
import { type ObjectStorage, StoredObjectMissing } from '@/lib/storage/object-storage';
import { s3Storage } from '@/lib/storage/s3-storage';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { type S3Server, startS3Server } from '@/test/support/s3-server';

/** A stream of `size` pseudo-random bytes made chunk by chunk (never held whole), and its SHA-256 once read. */
function generatedBytes(size: number, chunkBytes = 256 * 1024) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = Readable.from(
    (function* () {
      while (sent < size) {
        const chunk = randomBytes(Math.min(chunkBytes, size - sent));
        sent += chunk.byteLength;
        hash.update(chunk);
        yield chunk;
      }
    })(),
  );
  return { stream, sha256: () => hash.digest('hex') };
}

async function readAll(stream: Readable): Promise<{ sha256: string; size: number; text: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const head: Buffer[] = [];
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
    if (head.length < 4) head.push(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), size, text: Buffer.concat(head).toString('utf8') };
}

const key = () => `attachments/${randomUUID()}`;

type Backend = { name: string; storage: () => ObjectStorage };
let localRoot = '';
let s3: S3Server | undefined;

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(tmpdir(), 'dsr-storage-'));
  s3 = await startS3Server('dsr-test');
});
afterAll(async () => {
  await s3?.stop();
  await rm(localRoot, { recursive: true, force: true });
});

const localKey = randomBytes(32);
const backends: Backend[] = [
  { name: 'local folder (AES-256-GCM)', storage: () => localFolderStorage({ root: localRoot, key: localKey }) },
  {
    name: 'S3 bucket (s3rver, SSE AES256 requested)',
    storage: () => s3Storage({ bucket: 'dsr-test', prefix: 'install-1', client: s3!.client, serverSideEncryption: 'AES256' }),
  },
];

describe.each(backends)('storage contract: $name', ({ storage }) => {
  it('stores a stream larger than one multipart part and gives back the same bytes', async () => {
    const objectKey = key();
    const bytes = generatedBytes(12 * 1024 * 1024 + 123);
    const { sizeBytes } = await storage().put(objectKey, bytes.stream);
    expect(sizeBytes).toBe(12 * 1024 * 1024 + 123);
    expect(await storage().exists(objectKey)).toBe(true);
    const read = await readAll(await storage().get(objectKey));
    expect(read.size).toBe(sizeBytes);
    expect(read.sha256).toBe(bytes.sha256());
  });

  it('stores an empty object', async () => {
    const objectKey = key();
    expect((await storage().put(objectKey, Readable.from([]))).sizeBytes).toBe(0);
    expect((await readAll(await storage().get(objectKey))).size).toBe(0);
  });

  it('replaces an object put again under the same key', async () => {
    const objectKey = key();
    await storage().put(objectKey, Readable.from([Buffer.from('first version')]));
    await storage().put(objectKey, Readable.from([Buffer.from('second')]));
    expect((await readAll(await storage().get(objectKey))).text).toBe('second');
  });

  it('a missing object is StoredObjectMissing; deleting removes it; deleting twice is fine', async () => {
    const objectKey = key();
    await expect(storage().get(objectKey)).rejects.toBeInstanceOf(StoredObjectMissing);
    expect(await storage().exists(objectKey)).toBe(false);
    await storage().put(objectKey, Readable.from([Buffer.from('to be deleted')]));
    await storage().delete(objectKey);
    await storage().delete(objectKey);
    expect(await storage().exists(objectKey)).toBe(false);
    await expect(storage().get(objectKey)).rejects.toBeInstanceOf(StoredObjectMissing);
  });

  it('refuses keys the app does not make (paths, other folders’ tricks)', async () => {
    for (const bad of [
      '../etc/passwd',
      'attachments/../../x',
      '/attachments/x',
      'attachments/not-a-uuid',
      `attachments/${randomUUID()}/x`,
    ]) {
      await expect(storage().put(bad, Readable.from([Buffer.from('x')])), bad).rejects.toThrow(/invalid storage key/);
      await expect(storage().get(bad), bad).rejects.toThrow(/invalid storage key/);
    }
  });

  it('lists a run’s staged files by prefix, and deleting them leaves the prefix empty', async () => {
    const runId = randomUUID();
    const staged = [`staging/${runId}/shop/shop.json`, `staging/${runId}/shop/orders.csv`, `staging/${runId}/crm/crm.json`];
    const otherRun = `staging/${randomUUID()}/shop/shop.json`;
    const before = new Date(Date.now() - 60_000);
    for (const objectKey of [...staged, otherRun]) await storage().put(objectKey, Readable.from([Buffer.from(objectKey)]));

    const listed = [];
    for await (const object of storage().list(`staging/${runId}/`)) listed.push(object);
    expect(listed.map((object) => object.key).sort()).toEqual([...staged].sort());
    for (const object of listed) expect(object.lastModified.getTime()).toBeGreaterThan(before.getTime());
    const oneSource = [];
    for await (const object of storage().list(`staging/${runId}/shop/`)) oneSource.push(object.key);
    expect(oneSource.sort()).toEqual([staged[1], staged[0]]);
    expect((await readAll(await storage().get(staged[1]!))).text).toBe(staged[1]);

    for (const object of listed) await storage().delete(object.key);
    const after = [];
    for await (const object of storage().list(`staging/${runId}/`)) after.push(object.key);
    expect(after).toEqual([]);
    expect(await storage().exists(otherRun)).toBe(true);
  });

  it('refuses staging keys and prefixes the app does not make', async () => {
    const runId = randomUUID();
    for (const bad of [
      `staging/${runId}/../x.csv`,
      `staging/${runId}/Shop/x.csv`,
      `staging/not-a-uuid/shop/x.csv`,
      `staging/${runId}/shop/.hidden`,
    ]) {
      await expect(storage().put(bad, Readable.from([Buffer.from('x')])), bad).rejects.toThrow(/invalid storage key/);
    }
    for (const bad of ['', 'attachments/', '../', `staging/${runId}`, `staging/${runId}/shop/x/`]) {
      await expect(
        (async () => {
          for await (const _object of storage().list(bad));
        })(),
        bad,
      ).rejects.toThrow(/invalid storage prefix/);
    }
  });
});

describe('the app’s files on S3 (STORAGE_URL=s3://…)', () => {
  const setEnv = useEnvOverrides();

  it('stores an uploaded file in the bucket, streams it back and deletes it', async () => {
    setEnv(s3!.storageEnv('app-files'));
    expect(getStorage().kind).toBe('s3');
    const content = `order,total\n${'4711,12.50\n'.repeat(1000)}`;

    const stored = await storeAttachmentFile(new File([content], '../../orders.csv', { type: 'text/csv' }));

    expect(stored).toMatchObject({
      fileName: 'orders.csv',
      sizeBytes: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const listed = await s3!.client.send(new ListObjectsV2Command({ Bucket: 'dsr-test', Prefix: 'app-files/attachments/' }));
    expect(listed.Contents?.map((object) => object.Key)).toContain(`app-files/attachments/${stored.storageKey}`);
    expect(await new Response(await openAttachmentFile(stored.storageKey)).text()).toBe(content);

    await deleteAttachmentFile(stored.storageKey);
    await expect(openAttachmentFile(stored.storageKey)).rejects.toThrow('This file is no longer available.');
  });
});

describe('local folder at rest', () => {
  const storage = () => localFolderStorage({ root: localRoot, key: localKey });

  it('holds only ciphertext on disk', async () => {
    const objectKey = key();
    const secret = `Ada Lovelace, 12 Analytical Engine Row ${randomUUID()}`;
    await storage().put(objectKey, Readable.from([Buffer.from(secret)]));
    const onDisk = await readFile(path.join(localRoot, objectKey));
    expect(onDisk.subarray(0, 5).toString()).toBe('DSRE1');
    expect(onDisk.toString('latin1')).not.toContain('Ada Lovelace');
    expect(await readdir(path.join(localRoot, 'attachments'))).not.toEqual(expect.arrayContaining([expect.stringMatching(/partial/)]));
  });

  it('a changed byte, a file moved to another key, or another key fails to read', async () => {
    const objectKey = key();
    await storage().put(objectKey, Readable.from([Buffer.from('package bytes '.repeat(1000))]));
    const filePath = path.join(localRoot, objectKey);

    const moved = key();
    await copyFile(filePath, path.join(localRoot, moved));
    await expect(readAll(await storage().get(moved))).rejects.toThrow();

    await expect(readAll(await localFolderStorage({ root: localRoot, key: randomBytes(32) }).get(objectKey))).rejects.toThrow();

    const bytes = await readFile(filePath);
    bytes[100] = bytes[100]! ^ 0xff;
    await writeFile(filePath, bytes);
    await expect(readAll(await storage().get(objectKey))).rejects.toThrow();
  });

  it('streams a large object in bounded memory', async () => {
    await mkdir(localRoot, { recursive: true });
    const objectKey = key();
    const size = 96 * 1024 * 1024;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      await storage().put(objectKey, generatedBytes(size, 1024 * 1024).stream);
      expect((await readAll(await storage().get(objectKey))).size).toBe(size);
    } finally {
      clearInterval(timer);
    }
    expect(peak - baseline).toBeLessThan(64 * 1024 * 1024);
  });
});
