// TEMPORARY: replaced by the erasure branch at merge
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startFulfilmentRun } from './start-fulfilment-run';

/** Erases the subject from every enabled erasure source; only after a successful dry run, and only once. */
export async function startErasure(db: Database, { actor, reference, version, now = new Date() }: { actor: StaffActor; reference: string; version: number; now?: Date }): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const [dryRun] = await tx
      .select({ status: fulfilmentRuns.status })
      .from(fulfilmentRuns)
      .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'dry_run')))
      .orderBy(desc(fulfilmentRuns.createdAt))
      .limit(1);
    if (dryRun?.status !== 'succeeded') throw new AppError('INVALID_TRANSITION', 'Run a dry run first, and erase once it has succeeded.');
    const [erasure] = await tx
      .select({ id: fulfilmentRuns.id })
      .from(fulfilmentRuns)
      .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'erase'), inArray(fulfilmentRuns.status, ['running', 'succeeded'])));
    if (erasure) throw new AppError('INVALID_TRANSITION', 'This request has already been erased, or erasure is running.');
    return startFulfilmentRun(tx, { request, kind: 'erase', staffId: actor.staffId, now });
  });
}
