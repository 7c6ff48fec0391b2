/** The events a subscription may choose. */
export const webhookEventTypes = [
  'request.created',
  'request.verified',
  'request.status_changed',
  'request.due_soon',
  'request.closed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const webhookEventTypeLabels: Record<WebhookEventType, string> = {
  'request.created': 'request.created — filed (on the web, by API or by staff)',
  'request.verified': 'request.verified — the requester confirmed, or staff checked identity',
  'request.status_changed': 'request.status_changed — any change of status',
  'request.due_soon': 'request.due_soon — 7 and 2 days before the deadline',
  'request.closed': 'request.closed — fulfilled, rejected, cancelled or expired',
};

/**
 * Which audit actions are which events: the audit event is written in the transaction of
 * every state change, so hanging the webhooks on it catches every writer, web or worker.
 */
const eventsByAction: Record<string, readonly WebhookEventType[]> = {
  submitted: ['request.created'],
  filed_on_behalf: ['request.created'],
  verified: ['request.verified', 'request.status_changed'],
  identity_checked_by_staff: ['request.verified', 'request.status_changed'],
  work_started: ['request.status_changed'],
  work_resumed: ['request.status_changed'],
  requester_replied: ['request.status_changed'],
  information_requested: ['request.status_changed'],
  fulfilled: ['request.status_changed', 'request.closed'],
  rejected: ['request.status_changed', 'request.closed'],
  cancelled: ['request.status_changed', 'request.closed'],
  expired_and_purged: ['request.status_changed', 'request.closed'],
};

export function webhookEventsForAction(action: string): readonly WebhookEventType[] {
  return eventsByAction[action] ?? [];
}
