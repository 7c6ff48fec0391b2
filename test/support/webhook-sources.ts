import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { type DataSourceRow, dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { FulfilmentRunKind } from '@/lib/fulfilment/start-fulfilment-run';

export type WebhookSourceFixture = { source: DataSourceRow; secret: string };

/**
 * A webhook source with a fresh secret, straight into the table. Disabled unless
 * the test needs callbacks to find it; `disableSources` (data-sources.ts) in afterAll keeps enabled
 * ones out of the file's later runs.
 */
export async function createWebhookSource(
  db: Database,
  {
    url,
    isEnabled = false,
    timeoutSeconds = 2,
    maxAttempts = 3,
  }: { url: string; isEnabled?: boolean; timeoutSeconds?: number; maxAttempts?: number },
): Promise<WebhookSourceFixture> {
  const secret = randomBytes(24).toString('base64url');
  const slug = `hook-${randomUUID().slice(0, 8)}`;
  const [source] = await db
    .insert(dataSources)
    .values({
      slug,
      name: `Webhook ${slug}`,
      kind: 'webhook',
      isEnabled,
      config: { kind: 'webhook', url, timeoutSeconds, maxAttempts, callbackTimeoutHours: 72 },
      secretCiphertext: encryptSourceSecret('webhook', secret),
      secretUpdatedAt: new Date(),
    })
    .returning();
  return { source: source!, secret };
}

/**
 * A run over exactly one source, its result pending, as startFulfilmentRun leaves
 * it (without the job: the test calls runSource itself). Only this source, whatever
 * else the shared database has enabled.
 */
export async function createSingleSourceRun(
  db: Database,
  { request, source, kind }: { request: RequestRow; source: DataSourceRow; kind: FulfilmentRunKind },
): Promise<{ runId: string; resultId: string }> {
  const [run] = await db.insert(fulfilmentRuns).values({ requestId: request.id, kind }).returning({ id: fulfilmentRuns.id });
  const [result] = await db
    .insert(fulfilmentSourceResults)
    .values({ runId: run!.id, sourceId: source.id, sourceName: source.name, sourceKind: source.kind })
    .returning({ id: fulfilmentSourceResults.id });
  return { runId: run!.id, resultId: result!.id };
}
