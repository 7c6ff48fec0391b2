import type { Database } from '@/db/client';
import { eventSubscriptions } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { generateSigningSecret } from '@/lib/data-sources/generate-signing-secret';
import { encryptSecret } from '@/lib/security/secret-box';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TCreateEventSubscription } from '@/lib/validation/event-subscriptions';
import { assertPublicUrl } from './assert-public-url';
import { SUBSCRIPTION_SECRET_PURPOSE } from './subscription-secret';

/** Subscribes a URL to events; returns the signing secret, shown to the admin once and stored only encrypted. */
export async function createEventSubscription(
  db: Database,
  { actor, input }: { actor: StaffActor; input: TCreateEventSubscription },
): Promise<{ id: string; signingSecret: string }> {
  assertCan(actor, 'settings.manage');
  await assertPublicUrl(input.url, await getNetworkSettings(db));
  const signingSecret = generateSigningSecret();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(eventSubscriptions)
      .values({
        name: input.name,
        url: input.url,
        events: input.events,
        secretCiphertext: encryptSecret(signingSecret, SUBSCRIPTION_SECRET_PURPOSE),
        createdById: actor.staffId,
      })
      .returning({ id: eventSubscriptions.id });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'event_subscription_created',
      details: { subscriptionId: created!.id, name: input.name, url: input.url, events: input.events },
    });
    return { id: created!.id, signingSecret };
  });
}
