import { hkdfSync } from 'node:crypto';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { env, type Env } from '@/lib/env';
import { secretBoxKey } from '@/lib/security/secret-box';
import { localFolderStorage } from './local-folder-storage';
import type { ObjectStorage } from './object-storage';
import { s3Storage } from './s3-storage';

/**
 * The storage STORAGE_URL names: `s3://bucket/prefix` (endpoint, region and credentials from
 * S3_* and AWS_* variables), or a local folder (`file:///path`, a plain path, or STORAGE_DIR when unset).
 */
export function createStorage(settings: Env): ObjectStorage {
  const url = settings.STORAGE_URL;
  if (url?.startsWith('s3://')) {
    const { hostname: bucket, pathname } = new URL(url);
    const client = new S3Client({
      region: settings.S3_REGION,
      ...(settings.S3_ENDPOINT ? { endpoint: settings.S3_ENDPOINT } : {}),
      forcePathStyle: settings.S3_FORCE_PATH_STYLE,
      ...(settings.AWS_ACCESS_KEY_ID && settings.AWS_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: settings.AWS_ACCESS_KEY_ID, secretAccessKey: settings.AWS_SECRET_ACCESS_KEY } }
        : {}),
    });
    const serverSideEncryption = settings.S3_SERVER_SIDE_ENCRYPTION === 'none' ? null : settings.S3_SERVER_SIDE_ENCRYPTION;
    return s3Storage({ bucket, prefix: pathname.replace(/^\/+|\/+$/g, ''), client, serverSideEncryption });
  }
  return localFolderStorage({ root: localStorageRoot(settings), key: storedFileKey(settings) });
}

/** The local folder STORAGE_URL (or STORAGE_DIR) names; only for a local storage, not `s3://`. */
export function localStorageRoot(settings: Pick<Env, 'STORAGE_URL' | 'STORAGE_DIR'>): string {
  const url = settings.STORAGE_URL;
  return path.resolve(url?.startsWith('file://') ? new URL(url).pathname : (url ?? settings.STORAGE_DIR));
}

/** The local folder's AES-256-GCM key: derived from the secrets key for this use alone. */
export function storedFileKey(settings: Pick<Env, 'ENCRYPTION_KEY' | 'APP_SECRET'>): Buffer {
  const base = secretBoxKey({ encryptionKey: settings.ENCRYPTION_KEY, appSecret: settings.APP_SECRET });
  return Buffer.from(hkdfSync('sha256', base, 'dsr-desk', 'stored-files', 32));
}

let cached: { settings: Env; storage: ObjectStorage } | undefined;

/** One storage per process (per environment: tests that change it get a new one). */
export function getStorage(): ObjectStorage {
  const settings = env();
  if (cached?.settings !== settings) cached = { settings, storage: createStorage(settings) };
  return cached.storage;
}
