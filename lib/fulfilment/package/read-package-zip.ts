import type { Readable } from 'node:stream';
import { type Entry, openPromise, type ZipFile } from 'yauzl';

export type PackageZip = {
  /** Entries by path, read from the ZIP's central directory (names and sizes only, no data). */
  entries: Map<string, Entry>;
  openEntry: (path: string) => Promise<Readable | null>;
  close: () => void;
};

/** Opens a package ZIP for reading single entries as streams; the caller closes it. */
export async function openPackageZip(filePath: string): Promise<PackageZip> {
  const zip = await openPromise(filePath, { lazyEntries: true, autoClose: false });
  try {
    const entries = await listEntries(zip);
    return {
      entries,
      openEntry: async (path) => {
        const entry = entries.get(path);
        return entry ? zip.openReadStreamPromise(entry) : null;
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Reads a small entry whole, refusing one larger than `maxBytes` (a damaged or foreign file). */
export async function readSmallEntry(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new Error(`entry is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
