import { isOptOutType } from '@/lib/validation/data-source';
import type { RequestType } from '@/lib/validation/request-type';

/**
 * The runs that set a processing flag in every source: an opt-out (`opt_out`), a restriction of
 * processing (`restrict`, GDPR Art. 18) and an objection (`object`, Art. 21). They share one path:
 * the map's action for the request type in database sources (run-database-processing-flag.ts), a
 * signed job of the run's kind to webhook sources, a checklist item for manual ones, and the
 * request closed when every source is done (settle-run.ts). Each keeps its own kind so the webhook
 * job, the audit events and the page say what was done.
 */
export const processingFlagRunKinds = ['opt_out', 'restrict', 'object'] as const;
export type ProcessingFlagRunKind = (typeof processingFlagRunKinds)[number];

export function isProcessingFlagRun(kind: string): kind is ProcessingFlagRunKind {
  return (processingFlagRunKinds as readonly string[]).includes(kind);
}

/** The run that applies this type of request; null for a type answered otherwise (data, erasure, correction). */
export function processingFlagRunOf(type: RequestType): ProcessingFlagRunKind | null {
  if (type === 'restriction') return 'restrict';
  if (type === 'objection') return 'object';
  return isOptOutType(type) ? 'opt_out' : null;
}
