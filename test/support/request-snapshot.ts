import { count, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { outboundEmails, requestEvents } from '@/db/schema';
import { type AppError, isAppError } from '@/lib/errors/app-error';
import { getRequest } from './requests';

/** What a refused action must leave untouched: the request row, its audit trail and its outbox. */
export async function snapshotRequest(db: DatabaseOrTransaction, { id }: { id: string }) {
  const [events] = await db.select({ total: count() }).from(requestEvents).where(eq(requestEvents.requestId, id));
  const [emails] = await db.select({ total: count() }).from(outboundEmails).where(eq(outboundEmails.requestId, id));
  return { request: await getRequest(db, { id }), eventCount: events!.total, outboxCount: emails!.total };
}

/** The AppError an attempt was refused with; fails the test if it succeeded or threw anything else. */
export async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${error === null ? 'success' : String(error)}`);
  return error;
}
