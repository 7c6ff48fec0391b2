import { type Entry, openPromise } from 'yauzl';

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
