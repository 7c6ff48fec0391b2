'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/database';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZCreateEventSubscriptionForm, ZRedeliverEventForm } from '@/lib/validation/event-subscriptions';
import { createEventSubscription } from '@/lib/webhooks/create-event-subscription';
import { redeliverEvent } from '@/lib/webhooks/redeliver-event';
import { type ActionState, runAction } from '../../action-state';

export async function createEventSubscriptionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZCreateEventSubscriptionForm, formData, async (input) => {
    const { signingSecret } = await createEventSubscription(getDb(), { actor: await requireStaff(), input });
    revalidatePath('/staff/settings/webhooks');
    return {
      notice: `“${input.name}” was subscribed. Its signing secret is below: copy it into the receiving system now, it will not be shown again.`,
      oneTimeSecret: signingSecret,
    };
  });
}

export async function redeliverEventAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZRedeliverEventForm, formData, async ({ subscriptionId, deliveryId }) => {
    await redeliverEvent(getDb(), { actor: await requireStaff(), subscriptionId, deliveryId });
    revalidatePath(`/staff/settings/webhooks/${subscriptionId}`);
    return 'Queued to be sent again.';
  });
}
