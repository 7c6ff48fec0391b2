import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventSubscriptions } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { decryptSecret, encryptSecret } from '@/lib/security/secret-box';
import { SUBSCRIPTION_SECRET_PURPOSE } from './subscription-secret';

export type ReencryptSubscriptionSecretsResult = {
  /** Read with the previous key and saved again under the current one (subscription ids). */
  reencrypted: string[];
  /** Already readable with the current key. */
  current: string[];
  /** Neither key reads them: an admin makes the subscription again (its receiver gets the new secret). */
  unreadable: string[];
};

/**
 * Key rotation for event-webhook signing secrets, the other secret kept encrypted at rest
 * beside data sources' (`npm run sources:rekey` runs both): every secret the current key
 * cannot read but the previous one can is encrypted again under the current key. One
 * subscription per transaction, its row locked (a delivery reading it meanwhile waits for
 * the new ciphertext rather than failing on the old), each with an audit event. Safe to
 * run again. The secrets never leave this function.
 */
export async function reencryptSubscriptionSecrets(
  db: Database,
  { previousKey }: { previousKey: Buffer },
): Promise<ReencryptSubscriptionSecretsResult> {
  const result: ReencryptSubscriptionSecretsResult = { reencrypted: [], current: [], unreadable: [] };
  const subscriptions = await db.select({ id: eventSubscriptions.id }).from(eventSubscriptions).orderBy(asc(eventSubscriptions.createdAt));
  for (const { id } of subscriptions) {
    await db.transaction(async (tx) => {
      const [subscription] = await tx.select().from(eventSubscriptions).where(eq(eventSubscriptions.id, id)).for('update');
      if (!subscription) return;
      if (canDecrypt(() => decryptSecret(subscription.secretCiphertext, SUBSCRIPTION_SECRET_PURPOSE))) {
        result.current.push(subscription.id);
        return;
      }
      let secret: string;
      try {
        secret = decryptSecret(subscription.secretCiphertext, SUBSCRIPTION_SECRET_PURPOSE, previousKey);
      } catch {
        result.unreadable.push(subscription.id);
        return;
      }
      await tx
        .update(eventSubscriptions)
        .set({ secretCiphertext: encryptSecret(secret, SUBSCRIPTION_SECRET_PURPOSE) })
        .where(eq(eventSubscriptions.id, subscription.id));
      await recordEvent(tx, {
        requestId: null,
        actor: { type: 'system' },
        action: 'event_subscription_secret_reencrypted',
        details: { subscriptionId: subscription.id, name: subscription.name },
      });
      result.reencrypted.push(subscription.id);
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
