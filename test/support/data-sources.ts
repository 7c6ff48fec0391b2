import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, requestEvents } from '@/db/schema';
import type { TPostgresMap } from '@/lib/validation/data-source';
import type { TCreateDataSource } from '@/lib/validation/data-source-form';

/**
 * Switches off the sources a test file made. Integration tests share one database, and
 * every run uses every source that is on: a file's sources must not outlive it.
 */
export async function disableSources(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(dataSources).set({ isEnabled: false }).where(inArray(dataSources.id, ids));
}

/** A slug no other test has used. */
export function uniqueSlug(label = 'source'): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

/** A disabled PostgreSQL source as the form would hand it over; override what the test is about. */
export function aPostgresSourceInput({ connectionString, map, ...overrides }: { connectionString: string; map: TPostgresMap } & Partial<TCreateDataSource>): TCreateDataSource {
  return { slug: uniqueSlug('pg'), name: 'Test shop', isEnabled: false, usedForAccess: true, usedForErasure: true, config: { kind: 'postgres', map }, connectionString, ...overrides };
}

export function aWebhookSourceInput(overrides: Partial<TCreateDataSource> = {}): TCreateDataSource {
  return {
    slug: uniqueSlug('hook'),
    name: 'Test CRM',
    isEnabled: false,
    usedForAccess: true,
    usedForErasure: true,
    config: { kind: 'webhook', url: 'http://127.0.0.1:9/jobs', timeoutSeconds: 5, maxAttempts: 2, callbackTimeoutHours: 72 },
    connectionString: null,
    ...overrides,
  };
}

export async function readSourceRow(db: Database, { slug }: { slug: string }) {
  const [row] = await db.select().from(dataSources).where(eq(dataSources.slug, slug));
  if (!row) throw new Error(`no data source ${slug}`);
  return row;
}

/** The audit events about one source, oldest first. */
export async function listSourceEvents(db: Database, { sourceId }: { sourceId: string }) {
  return db
    .select()
    .from(requestEvents)
    .where(sql`${requestEvents.details}->>'sourceId' = ${sourceId}`)
    .orderBy(asc(requestEvents.id));
}
