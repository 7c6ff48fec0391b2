import type { DataSourceRow } from '@/db/schema';
import type { SourceExecutor } from './source-executor';
import { runMysqlSource } from './sources/run-mysql-source';
import { runPostgresSource } from './sources/run-postgres-source';
import { runWebhookSource } from './sources/run-webhook-source';

/** Manual sources never run as a job: an agent confirms them (confirm-manual-source.ts). */
export const sourceExecutors: Record<DataSourceRow['kind'], SourceExecutor> = {
  postgres: runPostgresSource,
  mysql: runMysqlSource,
  webhook: runWebhookSource,
  manual: async () => ({ status: 'awaiting_confirmation' }),
  // Told by email when the run starts (or is retried); it answers at its link (lib/processors).
  processor: async () => ({ status: 'awaiting_confirmation' }),
};
