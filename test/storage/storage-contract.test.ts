import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAttachmentFile } from '@/lib/fulfilment/open-attachment-file';
import { deleteAttachmentFile, storeAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { getStorage } from '@/lib/storage/get-storage';
import { localFolderStorage } from '@/lib/storage/local-folder-storage';
import { type ObjectStorage, StoredObjectMissing } from '@/lib/storage/object-storage';
import { s3Storage } from '@/lib/storage/s3-storage';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { freePort } from '@/test/support/free-port';

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
const folders: string[] = [];
let localRoot = '';
let s3: { server: S3rver; client: S3Client } | undefined;
let s3Endpoint = '';

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(tmpdir(), 'dsr-storage-'));
  const s3Folder = await mkdtemp(path.join(tmpdir(), 'dsr-s3rver-'));
  folders.push(localRoot, s3Folder);
  const port = await freePort();
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: s3Folder,
    configureBuckets: [{ name: 'dsr-test', configs: [] }],
  });
  await server.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint: s3Endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  s3 = { server, client };
});
afterAll(async () => {
  s3?.client.destroy();
  await s3?.server.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
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
});

describe('the app’s files on S3 (STORAGE_URL=s3://…)', () => {
  const setEnv = useEnvOverrides();

  it('stores an uploaded file in the bucket, streams it back and deletes it', async () => {
    setEnv({
      STORAGE_URL: 's3://dsr-test/app-files',
      S3_ENDPOINT: s3Endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_SERVER_SIDE_ENCRYPTION: 'none',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
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
