import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { requestEvents, requests, requestTokens, type RequestRow } from '@/db/schema';
import { submitRequest } from '@/lib/requests/submit-request';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TSubmitRequest } from '@/lib/validation/submit-request';
import { confirmVerification } from '@/lib/verification/confirm-verification';
import { aSubmission, uniqueIp } from './fixtures';
import { latestVerificationToken } from './outbox';

export async function listRequestsForEmail(db: DatabaseOrTransaction, { email }: { email: string }): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(eq(requests.emailHash, hashEmail(email)))
    .orderBy(asc(requests.createdAt));
}

export async function getRequest(db: DatabaseOrTransaction, { id }: { id: string }): Promise<RequestRow> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id));
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

export async function listEvents(db: DatabaseOrTransaction, { requestId }: { requestId: string }) {
  return db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.id));
}

export async function listTokens(
  db: DatabaseOrTransaction,
  { requestId, purpose }: { requestId: string; purpose: 'verification' | 'status' },
) {
  return db
    .select()
    .from(requestTokens)
    .where(and(eq(requestTokens.requestId, requestId), eq(requestTokens.purpose, purpose)))
    .orderBy(desc(requestTokens.createdAt));
}

/** Files a request and returns its row and the raw verification token from the queued email. */
export async function submitUnverifiedRequest(
  db: Database,
  { input = aSubmission(), ip = uniqueIp(), now }: { input?: TSubmitRequest; ip?: string; now?: Date } = {},
): Promise<{ request: RequestRow; verificationToken: string; input: TSubmitRequest }> {
  const outcome = await submitRequest(db, { input, channel: 'web', ip, now });
  if (outcome !== 'created') throw new Error(`expected a new request, got ${outcome}`);
  const request = (await listRequestsForEmail(db, { email: input.email })).find(
    (row) => row.type === input.type && row.status === 'unverified',
  );
  if (!request) throw new Error('submitted request not found');
  return { request, verificationToken: await latestVerificationToken(db, { requestId: request.id }), input };
}

/** Files and confirms a request: what the requester has after pressing "Confirm my request". */
export async function submitVerifiedRequest(
  db: Database,
  options: { input?: TSubmitRequest; ip?: string; now?: Date } = {},
): Promise<{ request: RequestRow; reference: string; statusToken: string; input: TSubmitRequest }> {
  const { request, verificationToken, input } = await submitUnverifiedRequest(db, options);
  const { reference, statusToken } = await confirmVerification(db, { token: verificationToken, ip: uniqueIp(), now: options.now });
  return { request: await getRequest(db, { id: request.id }), reference, statusToken, input };
}
