/**
 * One queued job per delivery: a retry or a manual redelivery replaces a job still waiting
 * (graphile-worker's job key), so a delivery is never posted by two jobs at once.
 */
export function deliveryJobKey(deliveryId: string): string {
  return `event-delivery:${deliveryId}`;
}
