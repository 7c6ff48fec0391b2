import type { Readable } from 'node:stream';

/**
 * Where stored files (fulfilment attachments, data packages) live: a local folder or an S3
 * bucket (lib/storage/get-storage.ts). Every method streams; nothing holds a whole file in memory.
 * Keys are made by the app (a folder and a random UUID, or a staged file under its run and source), never from user input.
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
  /** Every object whose key starts with `prefix` (a folder the app makes, ending in `/`), page by page. */
  list: (prefix: string) => AsyncIterable<StoredObjectInfo>;
};

export type StoredObjectInfo = { key: string; lastModified: Date };

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** `<folder>/<uuid>`, or a staged file `staging/<run uuid>/<source slug>/<file name>` (lib/fulfilment/staging/staging-keys.ts). */
const STORAGE_KEY = new RegExp(`^(?:[a-z]+/${UUID}|staging/${UUID}/${SLUG}/[A-Za-z0-9_$-][A-Za-z0-9_.$-]*)$`);
/** `staging/`, `staging/<run uuid>/` or `staging/<run uuid>/<source slug>/`: the only folders the app lists. */
const STORAGE_PREFIX = new RegExp(`^staging/(?:${UUID}/(?:${SLUG}/)?)?$`);

/** The only keys the app makes, checked so no path or bucket trick gets through. */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
}

export function assertStoragePrefix(prefix: string): void {
  if (!STORAGE_PREFIX.test(prefix)) throw new Error(`invalid storage prefix ${JSON.stringify(prefix)}`);
}
