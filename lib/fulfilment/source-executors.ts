import type { DataSourceRow } from '@/db/schema';
import type { SourceExecutor } from './source-executor';
import { isProcessingFlagRun } from './processing-flag-runs';
import { runDatabaseProcessingFlag } from './sources/run-database-processing-flag';
import { runMysqlSource } from './sources/run-mysql-source';
import { runPostgresSource } from './sources/run-postgres-source';
import { runWebhookSource } from './sources/run-webhook-source';

/** A database source's opt-out, restriction or objection is the same for every kind of database; the other steps are its own. */
const orProcessingFlag =
  (executor: SourceExecutor): SourceExecutor =>
  (step) =>
    isProcessingFlagRun(step.run.kind) ? runDatabaseProcessingFlag(step) : executor(step);

/** Manual sources never run as a job: an agent confirms them (confirm-manual-source.ts). */
export const sourceExecutors: Record<DataSourceRow['kind'], SourceExecutor> = {
  postgres: orProcessingFlag(runPostgresSource),
  mysql: orProcessingFlag(runMysqlSource),
  webhook: runWebhookSource,
  manual: async () => ({ status: 'awaiting_confirmation' }),
  // Told by email when the run starts (or is retried); it answers at its link (lib/processors).
  processor: async () => ({ status: 'awaiting_confirmation' }),
};
