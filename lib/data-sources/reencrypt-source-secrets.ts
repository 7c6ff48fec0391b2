import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { decryptSecret } from '@/lib/security/secret-box';
import { encryptSourceSecret, secretPurpose } from './read-source-secret';

export type ReencryptSourceSecretsResult = {
  /** Read with the previous key and saved again under the current one. */
  reencrypted: string[];
  /** Already readable with the current key: left as they are. */
  current: string[];
  /** Neither key reads them: an admin enters them again in Settings → Data sources. */
  unreadable: string[];
};

/**
 * Key rotation for data-source secrets: after ENCRYPTION_KEY (or APP_SECRET, where it
 * derives the key) changes, every saved secret the current key cannot read but the
 * previous key can is encrypted again under the current key. One source per
 * transaction, its row locked (an admin saving it meanwhile waits, then is told the
 * page is stale), each with an audit event. Safe to run again: done ones are current.
 * The secrets themselves never leave this function.
 */
export async function reencryptSourceSecrets(
  db: Database,
  { previousKey, now = new Date() }: { previousKey: Buffer; now?: Date },
): Promise<ReencryptSourceSecretsResult> {
  const result: ReencryptSourceSecretsResult = { reencrypted: [], current: [], unreadable: [] };
  const sources = await db
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(isNotNull(dataSources.secretCiphertext))
    .orderBy(asc(dataSources.slug));
  for (const { id } of sources) {
    await db.transaction(async (tx) => {
      const [source] = await tx.select().from(dataSources).where(eq(dataSources.id, id)).for('update');
      if (!source?.secretCiphertext) return;
      const purpose = secretPurpose(source.kind);
      if (canDecrypt(() => decryptSecret(source.secretCiphertext!, purpose))) {
        result.current.push(source.slug);
        return;
      }
      let secret: string;
      try {
        secret = decryptSecret(source.secretCiphertext, purpose, previousKey);
      } catch {
        result.unreadable.push(source.slug);
        return;
      }
      await tx
        .update(dataSources)
        .set({ secretCiphertext: encryptSourceSecret(source.kind, secret), version: source.version + 1, updatedAt: now })
        .where(eq(dataSources.id, source.id));
      await recordEvent(tx, {
        requestId: null,
        actor: { type: 'system' },
        action: 'data_source_secret_reencrypted',
        details: { sourceId: source.id, slug: source.slug, name: source.name, kind: source.kind },
      });
      result.reencrypted.push(source.slug);
    });
  }
  return result;
}

function canDecrypt(decrypt: () => string): boolean {
  try {
    decrypt();
    return true;
  } catch {
    return false;
  }
}
