import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll } from 'vitest';
import type { Database } from '@/db/client';
import { createDataSource } from '@/lib/data-sources/create-data-source';
import { dataSources, requestEvents } from '@/db/schema';
import type { TMysqlMap, TPostgresMap } from '@/lib/validation/data-source';
import type { TCreateDataSource } from '@/lib/validation/data-source-form';
import { createStaffMember } from './staff';

/**
 * Switches off the sources a test file made. Integration tests share one database, and
 * every run uses every source that is on: a file's sources must not outlive it.
 */
export async function disableSources(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(dataSources).set({ isEnabled: false }).where(inArray(dataSources.id, ids));
}

/**
 * For a test file that adds sources through createDataSource as an admin: `create` returns the
 * admin and the result, and every source it made is switched off after the file.
 */
export function useSourceCreation(db: Database) {
  const created: string[] = [];
  afterAll(() => disableSources(db, created));
  return async function create(input: TCreateDataSource) {
    const admin = await createStaffMember(db, { role: 'admin' });
    const result = await createDataSource(db, { actor: admin, input });
    created.push((await readSourceRow(db, { slug: result.slug })).id);
    return { admin, ...result };
  };
}

/** A map with its table at `index` changed. */
export function mapWithTable<Map extends { tables: unknown[] }>(
  map: Map,
  index: number,
  change: (table: Map['tables'][number]) => Map['tables'][number],
): Map {
  return { ...map, tables: map.tables.map((table, position) => (position === index ? change(table) : table)) };
}

/** A slug no other test has used. */
export function uniqueSlug(label = 'source'): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

/** A disabled PostgreSQL source as the form would hand it over; override what the test is about. */
export function aPostgresSourceInput({
  connectionString,
  map,
  ...overrides
}: { connectionString: string; map: TPostgresMap } & Partial<TCreateDataSource>): TCreateDataSource {
  return {
    slug: uniqueSlug('pg'),
    name: 'Test shop',
    isEnabled: false,
    usedForAccess: true,
    usedForErasure: true,
    config: { kind: 'postgres', map },
    connectionString,
    ...overrides,
  };
}

export function aMysqlSourceInput({
  connectionString,
  map,
  ...overrides
}: { connectionString: string; map: TMysqlMap } & Partial<TCreateDataSource>): TCreateDataSource {
  return {
    slug: uniqueSlug('mysql'),
    name: 'Test CRM (MariaDB)',
    isEnabled: false,
    usedForAccess: true,
    usedForErasure: true,
    config: { kind: 'mysql', map },
    connectionString,
    ...overrides,
  };
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
  return db.select().from(requestEvents).where(sql`${requestEvents.details}->>'sourceId' = ${sourceId}`).orderBy(asc(requestEvents.id));
}
