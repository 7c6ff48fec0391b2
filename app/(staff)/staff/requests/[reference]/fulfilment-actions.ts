'use server';

import { getDb } from '@/lib/database';
import { confirmManualSource } from '@/lib/fulfilment/confirm-manual-source';
import { releasePackage } from '@/lib/fulfilment/release-package';
import { retryFailedSources } from '@/lib/fulfilment/retry-failed-sources';
import { startDryRun } from '@/lib/fulfilment/start-dry-run';
import { startErasure } from '@/lib/fulfilment/start-erasure';
import { startGathering } from '@/lib/fulfilment/start-gathering';
import { requireStaff } from '@/lib/staff/get-current-staff';
import {
  ZConfirmManualSource,
  ZReleasePackage,
  ZRetryFailedSources,
  ZStartDryRun,
  ZStartErasure,
  ZStartGathering,
} from '@/lib/validation/fulfilment';
import { type ActionState, runAction } from '../../action-state';
import { afterSuccess } from './after-success';

/*
 * The "Data from your systems" forms. As in actions.ts, each re-reads the signed-in
 * staff member and the use case checks the role and the page's version.
 */

export async function startGatheringAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZStartGathering, formData, async ({ reference, version }) => {
    await startGathering(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'gathering_started');
}

export async function releasePackageAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZReleasePackage, formData, async ({ reference, version, runId, message }) => {
    await releasePackage(getDb(), { actor: await requireStaff(), reference, version, runId, message });
  });
  return afterSuccess(state, formData, 'package_released');
}

export async function startDryRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZStartDryRun, formData, async ({ reference, version }) => {
    await startDryRun(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'dry_run_started');
}

export async function startErasureAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZStartErasure, formData, async ({ reference, version, message }) => {
    await startErasure(getDb(), { actor: await requireStaff(), reference, version, message });
  });
  return afterSuccess(state, formData, 'erasure_started');
}

export async function retryFailedSourcesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZRetryFailedSources, formData, async ({ reference, version, runId }) => {
    await retryFailedSources(getDb(), { actor: await requireStaff(), reference, version, runId });
  });
  return afterSuccess(state, formData, 'sources_retried');
}

export async function confirmManualSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZConfirmManualSource, formData, async ({ reference, version, resultId, note, isConfirmed }) => {
    await confirmManualSource(getDb(), {
      actor: await requireStaff(),
      reference,
      version,
      resultId,
      note,
      isConfirmed: isConfirmed === 'yes',
    });
  });
  return afterSuccess(state, formData, 'source_confirmed');
}
