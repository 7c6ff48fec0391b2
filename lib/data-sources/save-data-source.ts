import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import type { TDataSourceConfig } from '@/lib/validation/data-source';
import { encryptSourceSecret } from './read-source-secret';

/**
 * The writes shared by the settings pages and the seed file: a source and its audit
 * event in the caller's transaction. Audit details name the source (ids, name, kind)
 * and which settings changed, never the secret or the map itself.
 */
export type NewDataSource = {
  slug: string;
  name: string;
  publicName?: string | null;
  kind: DataSourceRow['kind'];
  isEnabled: boolean;
  usedForAccess: boolean;
  usedForErasure: boolean;
  config: TDataSourceConfig;
  /** The plaintext secret, encrypted here; null for manual sources. */
  secret: string | null;
  seededFrom: string | null;
};

export async function insertDataSource(
  tx: Transaction,
  { source, actor, now = new Date() }: { source: NewDataSource; actor: Actor; now?: Date },
): Promise<DataSourceRow> {
  const { secret, ...values } = source;
  const [row] = await tx
    .insert(dataSources)
    .values({
      ...values,
      secretCiphertext: secret === null ? null : encryptSourceSecret(source.kind, secret),
      secretUpdatedAt: secret === null ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: dataSources.slug })
    .returning();
  if (!row)
    throw new AppError('VALIDATION', 'Another data source already uses this slug.', {
      fieldErrors: { slug: ['Another data source already uses this slug; choose another'] },
    });
  await recordEvent(tx, {
    requestId: null,
    actor,
    action: 'data_source_created',
    details: { sourceId: row.id, slug: row.slug, name: row.name, kind: row.kind, isEnabled: row.isEnabled, seededFrom: row.seededFrom },
  });
  return row;
}

export type DataSourceChanges = Partial<
  Pick<DataSourceRow, 'name' | 'publicName' | 'isEnabled' | 'usedForAccess' | 'usedForErasure' | 'config' | 'seededFrom'>
> & {
  /** A new plaintext secret; undefined keeps the saved one. */
  secret?: string;
};

/**
 * Applies what differs from `row` (locked by the caller), bumps the version and records
 * data_source_updated with the names of the changed settings. Returns those names; none
 * changed means nothing is written, so re-loading an unchanged seed file adds no events.
 */
export async function updateDataSourceRow(
  tx: Transaction,
  { row, changes, actor, now = new Date() }: { row: DataSourceRow; changes: DataSourceChanges; actor: Actor; now?: Date },
): Promise<string[]> {
  const { secret, ...settings } = changes;
  const changed = (Object.keys(settings) as (keyof typeof settings)[]).filter(
    (key) => settings[key] !== undefined && !isDeepStrictEqual(settings[key], row[key]),
  );
  const values: Partial<DataSourceRow> = Object.fromEntries(changed.map((key) => [key, settings[key]]));
  if (secret !== undefined) {
    values.secretCiphertext = encryptSourceSecret(row.kind, secret);
    values.secretUpdatedAt = now;
  }
  const names = [...changed, ...(secret !== undefined ? ['secret'] : [])];
  if (names.length === 0) return [];
  await tx
    .update(dataSources)
    .set({ ...values, version: row.version + 1, updatedAt: now })
    .where(eq(dataSources.id, row.id));
  await recordEvent(tx, {
    requestId: null,
    actor,
    action: 'data_source_updated',
    details: { sourceId: row.id, slug: row.slug, name: settings.name ?? row.name, kind: row.kind, changes: names },
  });
  return names;
}

/** The optimistic check every edit makes under the row lock: the form was built from this version. */
export function assertSameVersion(row: DataSourceRow, version: number): void {
  if (row.version !== version) {
    throw new AppError(
      'CONFLICT',
      'Someone else changed this data source since you opened the page. Reload it to see their changes, then try again.',
      {
        sourceId: row.id,
        expected: version,
        actual: row.version,
      },
    );
  }
}
