import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import type { Permission } from '@/lib/staff/permissions';
import { assertCan, type UseCaseActor } from '@/lib/staff/staff-actor';

export type ChangeRequestOptions = {
  actor: UseCaseActor;
  permission: Permission;
  reference: string;
  /** The version the staff member saw; null skips the check (bulk actions, claim next). */
  expectedVersion: number | null;
  /** False for additions that don't change what a colleague's open page shows as actionable (notes). */
  bumpsVersion?: boolean;
};

/**
 * The frame of every staff action on one request: permission, row lock, the
 * optimistic version check, then the change, its audit event and its emails in
 * one transaction, and the version bump. The lock serialises two staff acting at
 * once; the version check tells the second one their page was stale instead of
 * silently applying their action to a request they haven't seen.
 */
export async function changeRequest<T>(
  db: Database,
  { actor, permission, reference, expectedVersion, bumpsVersion = true }: ChangeRequestOptions,
  change: (tx: Transaction, request: RequestRow) => Promise<T>,
): Promise<T> {
  assertCan(actor, permission);
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.reference, reference)).for('update');
    if (!request) throw new AppError('NOT_FOUND', `No request ${reference}.`);
    if (expectedVersion !== null && request.version !== expectedVersion) {
      throw new AppError('CONFLICT', 'This request changed since you opened it. Reload the page to see the latest, then try again.', {
        expectedVersion,
        actualVersion: request.version,
      });
    }
    const result = await change(tx, request);
    if (!bumpsVersion) return result;
    await tx
      .update(requests)
      .set({ version: sql`${requests.version} + 1`, updatedAt: new Date() })
      .where(eq(requests.id, request.id));
    return result;
  });
}
