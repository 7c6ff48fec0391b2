import { z } from 'zod';
import { messageText, ZReference, ZVersion } from './staff-actions';

/**
 * The request page's fulfilment forms: gather and release a package (access and
 * export), dry run and erase (deletion), retry failed sources and confirm a
 * manual checklist item (both). Each carries the page's version, so an action on
 * a stale page is refused instead of applied to a request the agent hasn't seen.
 */
const ZRunId = z.uuid({ error: 'Reload the page and try again' });

export const ZStartGathering = z.strictObject({ reference: ZReference, version: ZVersion });
export type TStartGathering = z.infer<typeof ZStartGathering>;

export const ZReleasePackage = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  runId: ZRunId,
  message: messageText('a message to the requester'),
});
export type TReleasePackage = z.infer<typeof ZReleasePackage>;

/**
 * A deletion's copy before erasure: the same fields as a release; the request stays open. Without a run id
 * when nothing can be gathered and the uploaded files are the copy (isCopyFromUploadsOnly).
 */
export const ZReleaseCopy = ZReleasePackage.extend({ runId: ZRunId.optional() });
export type TReleaseCopy = z.infer<typeof ZReleaseCopy>;

export const ZOfferCopyBeforeErasure = z.strictObject({ reference: ZReference, version: ZVersion });
export type TOfferCopyBeforeErasure = z.infer<typeof ZOfferCopyBeforeErasure>;

export const ZStartDryRun = z.strictObject({ reference: ZReference, version: ZVersion });
export type TStartDryRun = z.infer<typeof ZStartDryRun>;

export const ZStartErasure = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  /** Erasure cannot be undone: the form asks the agent to tick this first. */
  isConfirmed: z.literal('yes', { error: 'Tick the box to confirm the erasure' }),
  /** Optional words for the requester, sent with the confirmation when the erasure completes. */
  message: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    messageText('a message to the requester').optional(),
  ),
});
export type TStartErasure = z.infer<typeof ZStartErasure>;

/** After a backup was restored: erase the person again from the databases the erasure covered (replay-erasure.ts). */
export const ZReplayErasure = z.strictObject({ reference: ZReference, version: ZVersion });
export type TReplayErasure = z.infer<typeof ZReplayErasure>;

export const ZRetryFailedSources = z.strictObject({ reference: ZReference, version: ZVersion, runId: ZRunId });
export type TRetryFailedSources = z.infer<typeof ZRetryFailedSources>;

export const ZConfirmManualSource = z.strictObject({
  reference: ZReference,
  version: ZVersion,
  resultId: z.uuid({ error: 'Reload the page and try again' }),
  note: messageText('a note saying what you checked or did', 2000),
  /** Needed when this is the last item of an erasure: confirming it closes the request and emails the requester. */
  isConfirmed: z.literal('yes').optional(),
});
export type TConfirmManualSource = z.infer<typeof ZConfirmManualSource>;

/** The package preview page's query: which run, and how many rows per table. */
export const ZPreviewPackageQuery = z.object({
  run: z.uuid({ error: 'Not a package' }),
  rows: z.coerce.number().int().min(1).max(100).default(10),
});

export const ZStartCorrectionJobs = z.strictObject({ reference: ZReference, version: ZVersion });
export type TStartCorrectionJobs = z.infer<typeof ZStartCorrectionJobs>;

/** An opt-out, a restriction or an objection applied in every source (start-processing-flag-run.ts). */
export const ZStartProcessingFlagRun = z.strictObject({ reference: ZReference, version: ZVersion });
export type TStartProcessingFlagRun = z.infer<typeof ZStartProcessingFlagRun>;
