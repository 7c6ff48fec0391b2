import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDeliveries, eventSubscriptions, requestEvents } from '@/db/schema';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { secretBoxKey } from '@/lib/security/secret-box';
import { createEventSubscription } from '@/lib/webhooks/create-event-subscription';
import { deliverEventWebhook, eventDeliveryOptions } from '@/lib/webhooks/deliver-event-webhook';
import { reencryptSubscriptionSecrets } from '@/lib/webhooks/reencrypt-subscription-secrets';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { uniqueEmail } from '@/test/support/fixtures';
import { independentHmacHex } from '@/test/support/independent-hmac';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/test/support/webhook-receiver';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const key = () => randomBytes(32).toString('base64');

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

describe('[operator] rotates the key: event-webhook signing secrets move to the new key with data sources’', () => {
  it('a subscription made under the previous key signs with the same secret after sources:rekey; a second run changes nothing', async () => {
    const previous = key();
    setEnv({ ENCRYPTION_KEY: previous });
    await db.update(eventSubscriptions).set({ isEnabled: false }).where(eq(eventSubscriptions.isEnabled, true));
    const admin = await createStaffMember(db, { role: 'admin' });
    const { id, signingSecret } = await createEventSubscription(db, {
      actor: admin,
      input: { name: 'Rekeyed receiver', url: receiver.url, events: ['request.created'] },
    });
    const lostKey = key();
    setEnv({ ENCRYPTION_KEY: lostKey });
    const lost = await createEventSubscription(db, {
      actor: admin,
      input: { name: 'Receiver under a key nobody kept', url: receiver.url, events: ['request.created'] },
    });
    await db.update(eventSubscriptions).set({ isEnabled: false }).where(eq(eventSubscriptions.id, lost.id));
    setEnv({ ENCRYPTION_KEY: key() });

    const first = await reencryptSubscriptionSecrets(db, { previousKey: secretBoxKey({ encryptionKey: previous, appSecret: '' }) });
    expect(first.reencrypted).toContain(id);
    expect(first.unreadable).toContain(lost.id);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.action, 'event_subscription_secret_reencrypted'));
    expect(events.filter((event) => event.details.subscriptionId === id)).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(signingSecret);

    // The worker reads the secret under the new key and signs with the secret the receiver was given.
    await fileOnBehalf(db, {
      actor: admin,
      input: {
        type: 'deletion',
        email: uniqueEmail('rekey-hook'),
        fullName: 'Ada Lovelace',
        jurisdiction: 'eu_gdpr',
        intakeChannel: 'phone',
        identityCheck: 'Answered three security questions',
        receivedOn: new Date().toISOString().slice(0, 10),
      },
    });
    const [delivery] = await db.select().from(eventDeliveries).where(eq(eventDeliveries.subscriptionId, id));
    expect(await deliverEventWebhook(db, { deliveryId: delivery!.id, options: { ...eventDeliveryOptions, timeoutSeconds: 5 } })).toBe(
      'delivered',
    );
    const [call] = receiver.calls;
    const timestamp = String(call!.headers['x-dsr-desk-timestamp']);
    expect(call!.headers['x-dsr-desk-signature']).toBe(`v1=${await independentHmacHex(signingSecret, `${timestamp}.${call!.rawBody}`)}`);

    const [before] = await db.select().from(eventSubscriptions).where(eq(eventSubscriptions.id, id));
    const second = await reencryptSubscriptionSecrets(db, { previousKey: secretBoxKey({ encryptionKey: previous, appSecret: '' }) });
    expect(second.current).toContain(id);
    expect(second.reencrypted).not.toContain(id);
    const [after] = await db.select().from(eventSubscriptions).where(eq(eventSubscriptions.id, id));
    expect(after!.secretCiphertext).toBe(before!.secretCiphertext);
  });
});
