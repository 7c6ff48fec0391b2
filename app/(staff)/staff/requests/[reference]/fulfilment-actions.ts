'use server';

import { getDb } from '@/lib/database';
import { confirmManualSource } from '@/lib/fulfilment/confirm-manual-source';
import { releasePackage } from '@/lib/fulfilment/release-package';
import { releaseCopy } from '@/lib/fulfilment/release-copy';
import { offerCopyBeforeErasure } from '@/lib/requests/offer-copy-before-erasure';
import { retryFailedSources } from '@/lib/fulfilment/retry-failed-sources';
import { startDryRun } from '@/lib/fulfilment/start-dry-run';
import { applyCorrection } from '@/lib/fulfilment/corrections/apply-correction';
import { type CorrectionPreview, previewCorrection } from '@/lib/fulfilment/corrections/preview-correction';
import { startCorrectionJobs } from '@/lib/fulfilment/start-correction-jobs';
import { startErasure } from '@/lib/fulfilment/start-erasure';
import type { ProcessingFlagRunKind } from '@/lib/fulfilment/processing-flag-runs';
import { startProcessingFlagRun } from '@/lib/fulfilment/start-processing-flag-run';
import { ZApplyCorrection, ZPreviewCorrection } from '@/lib/validation/correction';
import { startGathering } from '@/lib/fulfilment/start-gathering';
import { replayErasure } from '@/lib/fulfilment/replay-erasure';
import { requireStaff } from '@/lib/staff/get-current-staff';
import {
  ZConfirmManualSource,
  ZOfferCopyBeforeErasure,
  ZReleaseCopy,
  ZReleasePackage,
  ZReplayErasure,
  ZRetryFailedSources,
  ZStartCorrectionJobs,
  ZStartDryRun,
  ZStartErasure,
  ZStartProcessingFlagRun,
  ZStartGathering,
} from '@/lib/validation/fulfilment';
import { type ActionState, formValues, runAction } from '../../action-state';
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
  const files = formData.getAll('files').filter((value): value is File => value instanceof File);
  const state = await runAction(ZReleasePackage, formData, async ({ reference, version, runId, message }) => {
    await releasePackage(getDb(), { actor: await requireStaff(), reference, version, runId, message, files });
  });
  return afterSuccess(state, formData, 'package_released');
}

export async function releaseCopyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const files = formData.getAll('files').filter((value): value is File => value instanceof File);
  const state = await runAction(ZReleaseCopy, formData, async ({ reference, version, runId, message }) => {
    await releaseCopy(getDb(), { actor: await requireStaff(), reference, version, runId, message, files });
  });
  return afterSuccess(state, formData, 'copy_released');
}

export async function offerCopyBeforeErasureAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZOfferCopyBeforeErasure, formData, async ({ reference, version }) => {
    await offerCopyBeforeErasure(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'copy_offered');
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

export async function replayErasureAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZReplayErasure, formData, async ({ reference, version }) => {
    await replayErasure(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'erasure_replayed');
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

export async function startCorrectionJobsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZStartCorrectionJobs, formData, async ({ reference, version }) => {
    await startCorrectionJobs(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'correction_jobs_started');
}

export async function startProcessingFlagRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let kind: ProcessingFlagRunKind = 'opt_out';
  const state = await runAction(ZStartProcessingFlagRun, formData, async ({ reference, version }) => {
    ({ kind } = await startProcessingFlagRun(getDb(), { actor: await requireStaff(), reference, version }));
  });
  return afterSuccess(state, formData, `${kind}_started`);
}

export type CorrectionPreviewState = ActionState & { preview?: CorrectionPreview };

/** The correction's dry run: nothing is written; the form then shows old beside new with Apply. */
export async function previewCorrectionAction(_previous: CorrectionPreviewState, formData: FormData): Promise<CorrectionPreviewState> {
  let preview: CorrectionPreview | undefined;
  const state = await runAction(ZPreviewCorrection, formData, async ({ reference, target, newValue }) => {
    preview = await previewCorrection(getDb(), { actor: await requireStaff(), reference, target, newValue });
    return { notice: 'Check the old and new value, then apply.' };
  });
  return preview ? { ...state, preview, values: formValues(formData) } : state;
}

export async function applyCorrectionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZApplyCorrection, formData, async ({ reference, version, target, newValue, expectedOldValue }) => {
    await applyCorrection(getDb(), { actor: await requireStaff(), reference, version, target, newValue, expectedOldValue });
  });
  return afterSuccess(state, formData, 'correction_applied');
}
