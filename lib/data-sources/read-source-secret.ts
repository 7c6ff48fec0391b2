import type { DataSourceRow } from '@/db/schema';
import { isDatabaseKind } from '@/lib/validation/data-source-form';
import { decryptSecret, encryptSecret } from '@/lib/security/secret-box';

/** The purpose bound into each kind's ciphertext (see secret-box.ts). */
export function secretPurpose(kind: DataSourceRow['kind']): string {
  return `data-source:${kind}`;
}

export function encryptSourceSecret(kind: DataSourceRow['kind'], secret: string): string {
  return encryptSecret(secret, secretPurpose(kind));
}

/** A source's decrypted secret: a database connection string (PostgreSQL, MySQL/MariaDB), or a webhook signing secret. Server-side only. */
export function readSourceSecret(source: Pick<DataSourceRow, 'kind' | 'secretCiphertext' | 'name'>): string {
  if (!source.secretCiphertext)
    throw new Error(`data source "${source.name}" has no ${isDatabaseKind(source.kind) ? 'connection string' : 'secret'} saved`);
  return decryptSecret(source.secretCiphertext, secretPurpose(source.kind));
}
