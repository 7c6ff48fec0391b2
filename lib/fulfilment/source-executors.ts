import type { DataSourceRow } from '@/db/schema';
import type { SourceExecutor } from './source-executor';
import { runDatabaseOptOut } from './sources/run-database-opt-out';
import { runMysqlSource } from './sources/run-mysql-source';
import { runPostgresSource } from './sources/run-postgres-source';
import { runWebhookSource } from './sources/run-webhook-source';

/** A database source's opt-out is the same for every kind of database; the other steps are its own. */
const orOptOut =
  (executor: SourceExecutor): SourceExecutor =>
  (step) =>
    step.run.kind === 'opt_out' ? runDatabaseOptOut(step) : executor(step);

/** Manual sources never run as a job: an agent confirms them (confirm-manual-source.ts). */
export const sourceExecutors: Record<DataSourceRow['kind'], SourceExecutor> = {
  postgres: orOptOut(runPostgresSource),
  mysql: orOptOut(runMysqlSource),
  webhook: runWebhookSource,
  manual: async () => ({ status: 'awaiting_confirmation' }),
  // Told by email when the run starts (or is retried); it answers at its link (lib/processors).
  processor: async () => ({ status: 'awaiting_confirmation' }),
};
