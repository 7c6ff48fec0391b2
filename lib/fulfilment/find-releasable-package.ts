import { and, desc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type FulfilmentRunRow, fulfilmentRuns, type RequestRow } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { assertAllowed } from '@/lib/requests/action-check';
import { checkIdentityForAnswer } from '@/lib/verification/verification-requirement';
import { getStorage } from '@/lib/storage/get-storage';
import { attachmentObjectKey } from './store-attachment-file';

export type ReleasablePackage = FulfilmentRunRow & { packageStorageKey: string; packageSizeBytes: number; packageSha256: string };

/**
 * The gathered package a release hands over (the whole answer of an access request, or the copy before
 * an erasure), locked: only the newest, built, unreleased package whose file is still in storage, for a
 * request whose identity check allows an answer. The run's row lock (under the request's) makes a double
 * press release it once. Left without a run id (the API may), the newest package.
 */
export async function findReleasablePackage(
  tx: Transaction,
  { request, runId }: { request: RequestRow; runId?: string },
): Promise<ReleasablePackage> {
  const [latest] = await tx
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'gather')))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  if (!runId && !latest) throw new AppError('INVALID_TRANSITION', 'No data package was gathered for this request.');
  const [run] = await tx
    .select()
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.id, runId ?? latest!.id), eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'gather')))
    .for('update');
  if (!run) throw new AppError('NOT_FOUND', 'No such data package for this request.');
  assertAllowed(checkIdentityForAnswer(request));
  // An agent gathered again (the data may have changed): only the newest package may go out.
  if (latest?.id !== run.id)
    throw new AppError('INVALID_TRANSITION', 'A newer gathering replaced this package. Release the newest one once it is built.');
  if (run.status === 'released') throw new AppError('INVALID_TRANSITION', 'This package was already released to the requester.');
  if (run.status !== 'succeeded' || !run.packageStorageKey || run.packageSizeBytes === null || !run.packageSha256) {
    throw new AppError(
      'INVALID_TRANSITION',
      run.status === 'running'
        ? 'The package is still being gathered.'
        : 'Gathering failed, so there is no package to release. Fix the sources and gather again.',
    );
  }
  if (run.packageDeletedAt || !(await getStorage().exists(attachmentObjectKey(run.packageStorageKey)))) {
    throw new AppError('INVALID_TRANSITION', 'This package is no longer in storage (it expired or was replaced). Gather the data again.');
  }
  return { ...run, packageStorageKey: run.packageStorageKey, packageSizeBytes: run.packageSizeBytes, packageSha256: run.packageSha256 };
}
