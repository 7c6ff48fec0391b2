import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { PackageFile } from './package-manifest';

/** A staged file (opened when its turn comes) and where it goes inside the ZIP. */
export type PackageEntry = { path: string; open: () => Promise<Readable> };

export type WrittenPackage = { files: PackageFile[]; sizeBytes: number; sha256: string };

/**
 * Streams files into a ZIP written to `target` (a stream into storage), one after another, hashing each on its
 * way in, then appends the small closing entries (manifest, index) made from those
 * hashes. Nothing is held in memory beyond the streams' buffers, so a source with
 * 200,000 rows costs what one with ten does. The ZIP's own size and SHA-256 are
 * taken from the bytes as they are written. On failure `target` is destroyed with the error,
 * so the storage drops the partial object.
 */
export async function writePackageZip(
  target: Writable,
  {
    entries,
    date,
    closingEntries,
  }: { entries: PackageEntry[]; date: Date; closingEntries: (files: PackageFile[]) => { path: string; content: string }[] },
): Promise<WrittenPackage> {
  // Deflate level 1: bench:package's 200,000-order subject built in 1.6 s instead of 2.4 s at level 6, for a ZIP 9 %
  // larger (3.55 against 3.27 MB); the JSON and CSV text compresses well at either level.
  const archive = new ZipArchive({ zlib: { level: 1 } });
  const zipHash = createHash('sha256');
  let sizeBytes = 0;
  const hashZip = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      zipHash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  const written = pipeline(archive, hashZip, target);
  // Rejects (and only rejects) when writing fails, so each wait below can race it.
  const writeFailed = written.then(() => new Promise<never>(() => {}));
  writeFailed.catch(() => {});
  try {
    const files: PackageFile[] = [];
    for (const entry of entries) files.push(await appendFile(archive, entry, date, writeFailed));
    for (const closing of closingEntries(files)) archive.append(Buffer.from(closing.content, 'utf8'), { name: closing.path, date });
    await Promise.race([archive.finalize(), writeFailed]);
    await written;
    return { files, sizeBytes, sha256: zipHash.digest('hex') };
  } catch (error) {
    // abort() waits for the entry in progress, which a failed read never finishes: destroy ends it now.
    // Late errors from the torn-down archive have nothing left to report to.
    archive.on('error', () => {});
    archive.destroy();
    await written.catch(() => {});
    if (!target.destroyed) target.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

async function appendFile(archive: ZipArchive, entry: PackageEntry, date: Date, writeFailed: Promise<never>): Promise<PackageFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const source = await entry.open();
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  const readFailed = new Promise<never>((_resolve, reject) => {
    source.once('error', reject);
    hashing.once('error', reject);
  });
  readFailed.catch(() => {});
  // The entry event fires once archiver has consumed the whole stream: the hash is then complete.
  const appended = once(archive, 'entry');
  appended.catch(() => {});
  archive.append(source.pipe(hashing), { name: entry.path, date });
  try {
    await Promise.race([appended, readFailed, writeFailed]);
  } catch (error) {
    source.destroy();
    hashing.destroy();
    throw error;
  }
  return { path: entry.path, sizeBytes, sha256: hash.digest('hex') };
}
