import type { RequestType } from '@/lib/validation/request-type';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { requestReferenceSequence, requests } from '../schema';
import { openStatuses } from '@/lib/requests/request-status';

/** The open request of this type for this person, locked so the caller can change it safely. */
export async function findOpenRequestForUpdate(db: DatabaseOrTransaction, { emailHash, type }: { emailHash: string; type: RequestType }) {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.emailHash, emailHash), eq(requests.type, type), inArray(requests.status, [...openStatuses])))
    .for('update');
  return row ?? null;
}

export async function findUnverifiedRequestsForUpdate(db: DatabaseOrTransaction, { emailHash }: { emailHash: string }) {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.emailHash, emailHash), eq(requests.status, 'unverified')))
    .for('update');
}

export async function getRequestForUpdate(db: DatabaseOrTransaction, { id }: { id: string }) {
  const [row] = await db.select().from(requests).where(eq(requests.id, id)).for('update');
  return row ?? null;
}

export async function nextReferenceNumber(db: DatabaseOrTransaction): Promise<number> {
  const [row] = await db.execute<{ value: string }>(sql`select nextval(${requestReferenceSequence.seqName}) as value`);
  return Number(row!.value);
}
