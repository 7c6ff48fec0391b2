import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { listRequesterVisibleEvents } from '@/db/queries/request-events';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { requestAttachments, requests } from '@/db/schema';
import type { RequestStatus } from '@/lib/requests/request-status';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import type { RequestType } from '@/lib/validation/request-type';
import { ZToken } from '@/lib/validation/token';

export type AgentStatusView = {
  reference: string | null;
  type: RequestType;
  status: RequestStatus;
  dueOn: string | null;
  /** The person confirmed the request from their own mailbox. */
  isConfirmedByPerson: boolean;
  hasPowerOfAttorney: boolean;
  /** Our question while waiting, and what we wrote on closing: the messages the agent may read. */
  messages: string[];
  timeline: { id: number; action: string; at: Date }[];
  /** How many files went to the person: never the files themselves unless the person confirmed, and even then through the person's own link. */
  fileCount: number;
};

/**
 * What an authorised agent's link shows: status and messages only (CCPA §7063). The data package is
 * never offered here; the person downloads it from their own status link, which only they hold.
 */
export async function getAgentStatus(db: DatabaseOrTransaction, { token }: { token: string }): Promise<AgentStatusView | null> {
  if (!ZToken.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  const row = await findTokenByHash(db, { tokenHash });
  if (!row || row.purpose !== 'agent_status' || row.revokedAt || !isSameHash(row.tokenHash, tokenHash)) return null;
  const [request] = await db.select().from(requests).where(eq(requests.id, row.requestId));
  if (!request || request.purgedAt) return null;
  const events = await listRequesterVisibleEvents(db, { requestId: request.id });
  const files = await db
    .select({ id: requestAttachments.id })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.requestId, request.id)));
  const question = events.findLast((event) => event.action === 'information_requested')?.details.message;
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    dueOn: request.dueOn,
    isConfirmedByPerson: request.consumerConfirmedAt !== null,
    hasPowerOfAttorney: request.agentHasPowerOfAttorney,
    messages: [
      ...(request.status === 'awaiting_requester' && typeof question === 'string' ? [question] : []),
      ...(request.responseMessage && (request.status === 'fulfilled' || request.status === 'rejected') ? [request.responseMessage] : []),
    ],
    timeline: events.map((event) => ({ id: event.id, action: event.action, at: event.createdAt })),
    fileCount: files.length,
  };
}
