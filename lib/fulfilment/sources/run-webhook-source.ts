import type { SourceExecutor } from '../source-executor';

/** PLACEHOLDER owned by the webhook work. */
export const runWebhookSource: SourceExecutor = async () => ({ status: 'failed', error: 'webhook sources are not implemented yet' });
