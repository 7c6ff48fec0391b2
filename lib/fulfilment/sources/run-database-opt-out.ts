import { inSourceTransaction } from '@/lib/data-sources/in-source-transaction';
import { applySubjectOptOut } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { isOptOutType } from '@/lib/validation/data-source';
import type { SourceExecutor } from '../source-executor';

/**
 * A database source's step of an opt-out run: set the flags its map names for this opt-out
 * on the subject's rows, every table in one transaction on the source (all set or none).
 */
export const runDatabaseOptOut: SourceExecutor = async (step) => {
  if (!isOptOutType(step.request.type)) return { status: 'failed', error: 'This request is not an opt-out.' };
  const type = step.request.type;
  const rowCounts = await inSourceTransaction(
    step.source,
    { subject: step.subject, allowPrivateTargets: step.allowPrivateTargets },
    ({ dialect, map, live, run }) => applySubjectOptOut(dialect, map, live, run, type),
  );
  return { status: 'succeeded', rowCounts, rowsDone: Object.values(rowCounts).reduce((total, rows) => total + rows, 0) };
};
