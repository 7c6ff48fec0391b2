import { z } from 'zod';
import { text } from './text';
import { webhookEventTypes } from '@/lib/webhooks/webhook-event-types';
import { addIssuesTo, checkboxGroupFields, checkedValues } from './checkbox-group';

export const ZCreateEventSubscription = z.strictObject({
  name: text({ error: 'Name the subscription' })
    .trim()
    .min(1, 'Name the subscription, e.g. “Ticketing system”')
    .max(100, 'Names are at most 100 characters'),
  url: text({ error: 'Enter the URL' })
    .trim()
    .min(1, 'Enter the URL events are POSTed to')
    .max(2000, 'URLs are at most 2,000 characters')
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' })),
  events: z
    .array(z.enum(webhookEventTypes))
    .min(1, 'Choose at least one event')
    .transform((events) => [...new Set(events)]),
});
export type TCreateEventSubscription = z.infer<typeof ZCreateEventSubscription>;

/** The form: a checkbox per event (`events:request.created=on`). */
export const ZCreateEventSubscriptionForm = z
  .object({ name: text().optional(), url: text().optional(), ...checkboxGroupFields('events', webhookEventTypes) })
  .transform((form, context) => {
    const parsed = ZCreateEventSubscription.safeParse({
      name: form.name ?? '',
      url: form.url ?? '',
      events: checkedValues(form, 'events', webhookEventTypes),
    });
    if (parsed.success) return parsed.data;
    addIssuesTo(context, parsed.error, 'name');
    return z.NEVER;
  });

export const ZRedeliverEventForm = z.strictObject({ subscriptionId: z.uuid(), deliveryId: z.uuid({ error: 'Unknown delivery' }) });
