import type { RequestType } from '@/lib/validation/request-type';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { requests } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';
import type { RequestStatus } from './request-status';

export type MinimisedRequestView = { reference: string | null; type: RequestType; status: RequestStatus; minimisedOn: string };

/**
 * What an old status link still shows once the request's personal data was removed
 * after the retention period: the link was revoked then, but a requester following it
 * learns what happened instead of meeting "not found". Only the reference, type,
 * final status and the date: nothing personal is left to show.
 */
export async function findMinimisedRequest(db: DatabaseOrTransaction, { token }: { token: string }): Promise<MinimisedRequestView | null> {
  if (!ZToken.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  const row = await findTokenByHash(db, { tokenHash });
  if (!row || row.purpose !== 'status' || !isSameHash(row.tokenHash, tokenHash)) return null;
  const [request] = await db
    .select({ reference: requests.reference, type: requests.type, status: requests.status, purgedAt: requests.purgedAt })
    .from(requests)
    .where(eq(requests.id, row.requestId));
  if (!request?.purgedAt || request.status === 'expired') return null;
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    minimisedOn: toCalendarDate(request.purgedAt, env().TIME_ZONE),
  };
}
