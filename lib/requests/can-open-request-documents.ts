import { can } from '@/lib/staff/permissions';
import { isApiKeyActor, type UseCaseActor } from '@/lib/staff/staff-actor';

/**
 * Who opens the requester's documents (identity documents, an agent's signed permission, a correction's proofs):
 * the request's assignee and admins, not other agents, auditors or API keys. The downloads check it; pages ask it to show links.
 */
export function canOpenRequestDocuments(actor: UseCaseActor, request: { assigneeId: string | null }): boolean {
  if (isApiKeyActor(actor)) return false;
  return actor.role === 'admin' || (can(actor.role, 'requests.work') && request.assigneeId === actor.staffId);
}
