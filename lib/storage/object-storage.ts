import type { Readable } from 'node:stream';

/**
 * Where stored files (fulfilment attachments, data packages) live: a local folder or an S3
 * bucket (lib/storage/get-storage.ts). Every method streams; nothing holds a whole file in memory.
 * Keys are made by the app (a folder and a random UUID), never from user input.
 */
export type ObjectStorage = {
  readonly kind: 'local' | 's3';
  /** Writes the object (replacing one with the same key) and returns its size in bytes. */
  put: (key: string, body: Readable) => Promise<{ sizeBytes: number }>;
  /** The object's bytes; throws StoredObjectMissing if there is none. */
  get: (key: string) => Promise<Readable>;
  exists: (key: string) => Promise<boolean>;
  /** Removes the object; removing one that is not there is not an error. */
  delete: (key: string) => Promise<void>;
};

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

/** `<folder>/<uuid>`: the only keys the app makes, checked so no path or bucket trick gets through. */
export function assertStorageKey(key: string): void {
  if (!/^[a-z]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key))
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
}
