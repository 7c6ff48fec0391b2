import type { ErasurePlan, ErasureProof } from '@/db/schema';
import type { TableErasurePlan } from '@/lib/data-sources/map/mapped-table-sql';
import { stillFound } from '@/lib/data-sources/map/prove-erasure';
import { keyedHash } from '@/lib/security/keyed-hash';
import type { SourceOutcome, SourceStep } from '../source-executor';

/**
 * A database source's dry run or erasure as a step's outcome: rows per table, the rows
 * deleted or anonymised (kept rows are not "done"), the dry run's plan, and the erasure's
 * proof. An erasure whose re-query still finds the person fails with what it found.
 */
export function databaseSourceOutcome({
  plans,
  plan,
  proof,
}: {
  plans: TableErasurePlan[];
  plan?: ErasurePlan | null;
  proof?: ErasureProof;
}): SourceOutcome {
  const rowCounts = Object.fromEntries(plans.map((entry) => [entry.table, entry.rows]));
  const rowsDone = plans.filter((entry) => entry.action !== 'keep').reduce((total, entry) => total + entry.rows, 0);
  if (proof && !proof.isProven)
    return {
      status: 'failed',
      error: `Erased, but querying the source again still found the person: ${stillFound(proof)}.`,
      rowCounts,
      proof,
    };
  return { status: 'succeeded', rowCounts, rowsDone, ...(plan ? { plan } : {}), ...(proof ? { proof } : {}) };
}

/** A succeeded outcome carries the identities the source yielded (read before any erasure), for the sources after it. */
export function withYieldedIdentities(identities: Record<string, string[]> | null, outcome: SourceOutcome): SourceOutcome {
  return identities && outcome.status === 'succeeded' ? { ...outcome, identities } : outcome;
}

/** The key of a request's erasure plan digests: the same for its dry run and its erasure, and for no other request. */
export function erasurePlanKey(requestId: string): Buffer {
  return Buffer.from(keyedHash('erasure-plan', requestId), 'hex');
}

/** An erasure needs the dry run's plan for this source: without one nobody reviewed what it would erase. */
export function planToExecute(step: SourceStep): { plan: ErasurePlan; planKey: Buffer } {
  if (!step.plan) throw new Error('There is no dry-run plan for this source: run a new dry run and review it before erasing.');
  return { plan: step.plan, planKey: erasurePlanKey(step.request.id) };
}
