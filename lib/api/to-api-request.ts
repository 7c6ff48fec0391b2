import type { RequestDetail } from '@/lib/requests/get-request-detail';
import { actorCan, type ApiKeyActor } from '@/lib/staff/staff-actor';
import type { TApiRequest } from '@/lib/validation/api-v1';

/**
 * A request as /api/v1 shows it. Events are cut to what the key's scopes allow: the
 * requester-visible timeline for requests:read, every event with its details for audit:read.
 * Personal data (email, name, notes) is never in it.
 */
export function toApiRequest(detail: RequestDetail, actor: ApiKeyActor): TApiRequest {
  const isAuditor = actorCan(actor, 'audit.read');
  return {
    reference: detail.reference!,
    type: detail.type,
    status: detail.status,
    jurisdiction: detail.jurisdiction,
    receivedOn: detail.receivedOn,
    dueOn: detail.dueOn,
    version: detail.version,
    channel: detail.channel,
    acknowledgementDueOn: detail.acknowledgementDueOn,
    extensionCount: detail.extensionCount,
    closedAt: detail.closedAt?.toISOString() ?? null,
    events: detail.events
      .filter((event) => isAuditor || event.isVisibleToRequester)
      .map((event) => ({
        id: event.id,
        action: event.action,
        actorType: event.actorType,
        isVisibleToRequester: event.isVisibleToRequester,
        createdAt: event.createdAt.toISOString(),
        ...(isAuditor ? { details: event.details } : {}),
      })),
  };
}
