/**
 * `npm run sources:rekey`: after changing ENCRYPTION_KEY (or APP_SECRET, when no
 * ENCRYPTION_KEY is set and the key is derived from it), encrypts every secret kept
 * encrypted in the database again under the new key: data-source secrets and
 * event-webhook signing secrets. Start the new configuration, then run
 * this with the previous key in the environment (never on the command line, where
 * other users of the machine can read it):
 *
 *   PREVIOUS_ENCRYPTION_KEY=<old base64 key> npm run sources:rekey
 *   PREVIOUS_APP_SECRET=<old APP_SECRET>     npm run sources:rekey
 *
 * Exit code 0 when every secret is readable with the current key afterwards, 1 when
 * some could be read with neither key (re-enter those in Settings → Data sources, or make the
 * event subscription again), 2 usage.
 */
import { prepareRekeyCommand } from './prepare-rekey-command';

const { previousEncryptionKey, previousAppSecret } = await prepareRekeyCommand();

const { createDatabase } = await import('@/db/client');
const { env } = await import('@/lib/env');
const { secretBoxKey } = await import('@/lib/security/secret-box');
const { reencryptSourceSecrets } = await import('@/lib/data-sources/reencrypt-source-secrets');
const { reencryptSubscriptionSecrets } = await import('@/lib/webhooks/reencrypt-subscription-secrets');

const { db, close } = createDatabase(env().DATABASE_URL, { max: 1 });
try {
  const previousKey = secretBoxKey({ encryptionKey: previousEncryptionKey, appSecret: previousAppSecret ?? '' });
  const sources = await reencryptSourceSecrets(db, { previousKey });
  const subscriptions = await reencryptSubscriptionSecrets(db, { previousKey });
  console.log(`data sources re-encrypted: ${sources.reencrypted.join(', ') || 'none'}`);
  console.log(`data sources already current: ${sources.current.join(', ') || 'none'}`);
  console.log(`event subscriptions re-encrypted: ${subscriptions.reencrypted.length}, already current: ${subscriptions.current.length}`);
  if (sources.unreadable.length > 0) {
    console.log(`data sources readable with neither key (enter them again in Settings → Data sources): ${sources.unreadable.join(', ')}`);
    process.exitCode = 1;
  }
  if (subscriptions.unreadable.length > 0) {
    console.log(
      `event subscriptions readable with neither key (make them again in Settings → Event webhooks): ${subscriptions.unreadable.join(', ')}`,
    );
    process.exitCode = 1;
  }
} finally {
  await close();
}
