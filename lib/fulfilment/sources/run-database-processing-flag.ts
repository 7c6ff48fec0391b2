import { inSourceTransaction } from '@/lib/data-sources/in-source-transaction';
import { applySubjectProcessingFlag } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { isProcessingFlagType } from '@/lib/validation/data-source';
import type { SourceExecutor } from '../source-executor';

/**
 * A database source's step of an opt-out, restriction or objection run: set the columns its map
 * names for the request's type on the subject's rows, every table in one transaction on the source
 * (all set or none).
 */
export const runDatabaseProcessingFlag: SourceExecutor = async (step) => {
  if (!isProcessingFlagType(step.request.type))
    return { status: 'failed', error: 'This request is not an opt-out, a restriction or an objection.' };
  const type = step.request.type;
  const rowCounts = await inSourceTransaction(
    step.source,
    { subject: step.subject, allowPrivateTargets: step.allowPrivateTargets },
    ({ dialect, map, live, run }) => applySubjectProcessingFlag(dialect, map, live, run, type),
  );
  return { status: 'succeeded', rowCounts, rowsDone: Object.values(rowCounts).reduce((total, rows) => total + rows, 0) };
};
