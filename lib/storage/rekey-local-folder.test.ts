import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFolderStorage } from './local-folder-storage';
import { rekeyLocalFolder } from './rekey-local-folder';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dsr-rekey-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const previousKey = randomBytes(32);
const currentKey = randomBytes(32);
const previous = () => localFolderStorage({ root, key: previousKey });
const current = () => localFolderStorage({ root, key: currentKey });
const put = (storage: ReturnType<typeof localFolderStorage>, key: string, content: string) =>
  storage.put(key, Readable.from([Buffer.from(content)]));

describe('[operator] npm run storage:rekey re-encrypts the local storage folder under the new key', () => {
  it('re-encrypts old files, leaves current ones, names unreadable ones untouched, and a second run finds nothing to do', async () => {
    const upload = `attachments/${randomUUID()}`;
    const staged = `staging/${randomUUID()}/shop/orders.csv`;
    const alreadyCurrent = `attachments/${randomUUID()}`;
    const foreign = `attachments/${randomUUID()}`;
    await put(previous(), upload, 'Ada Lovelace’s uploaded letter '.repeat(5000));
    await put(previous(), staged, 'id,total\n1,500\n');
    await put(current(), alreadyCurrent, 'written after the key changed');
    await put(localFolderStorage({ root, key: randomBytes(32) }), foreign, 'under a key nobody has');
    const foreignBytes = await readFile(path.join(root, foreign));

    const first = await rekeyLocalFolder({ root, previousKey, currentKey });

    expect(first.reencrypted.sort()).toEqual([upload, staged].sort());
    expect(first.current).toEqual([alreadyCurrent]);
    expect(first.unreadable).toEqual([foreign]);
    expect(await text(await current().get(upload))).toBe('Ada Lovelace’s uploaded letter '.repeat(5000));
    expect(await text(await current().get(staged))).toBe('id,total\n1,500\n');
    await expect(text(await previous().get(upload))).rejects.toThrow();
    // The file neither key reads is as it was, and no temporary file is left beside any of them.
    expect(await readFile(path.join(root, foreign))).toEqual(foreignBytes);
    expect(await readdir(path.join(root, 'attachments'))).not.toEqual(expect.arrayContaining([expect.stringMatching(/partial/)]));

    const second = await rekeyLocalFolder({ root, previousKey, currentKey });
    expect(second.reencrypted).toEqual([]);
    expect(second.current.sort()).toEqual([upload, staged, alreadyCurrent].sort());
  });

  it('a file cut short (as by a crash mid-write by an older version) is reported, never replaced by a half-decrypted copy', async () => {
    const key = `attachments/${randomUUID()}`;
    await put(previous(), key, 'package bytes '.repeat(2000));
    const filePath = path.join(root, key);
    const cut = (await readFile(filePath)).subarray(0, 5000);
    await writeFile(filePath, cut);

    const result = await rekeyLocalFolder({ root, previousKey, currentKey });

    expect(result.unreadable).toContain(key);
    expect(await readFile(filePath)).toEqual(cut);
  });
});
