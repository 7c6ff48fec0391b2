import type { DataSourceRow } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * What staff pages see of a data source: everything but the secret. The ciphertext
 * never leaves lib/data-sources; the page only learns whether one is saved and when.
 */
export type DataSourceSummary = Pick<
  DataSourceRow,
  | 'id'
  | 'slug'
  | 'name'
  | 'publicName'
  | 'kind'
  | 'isEnabled'
  | 'usedForAccess'
  | 'usedForErasure'
  | 'secretUpdatedAt'
  | 'seededFrom'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & { hasSecret: boolean };

export type DataSourceView = DataSourceSummary & Pick<DataSourceRow, 'config'> & { callbackUrl: string | null };

export function toDataSourceSummary(row: DataSourceRow): DataSourceSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    publicName: row.publicName,
    kind: row.kind,
    isEnabled: row.isEnabled,
    usedForAccess: row.usedForAccess,
    usedForErasure: row.usedForErasure,
    hasSecret: row.secretCiphertext !== null,
    secretUpdatedAt: row.secretUpdatedAt,
    seededFrom: row.seededFrom,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toDataSourceView(row: DataSourceRow): DataSourceView {
  return { ...toDataSourceSummary(row), config: row.config, callbackUrl: row.kind === 'webhook' ? callbackUrlFor(row.slug) : null };
}

/** Where a webhook source's system sends late answers (app/api/callbacks/[source]/route.ts). */
export function callbackUrlFor(slug: string): string {
  return `${env().APP_URL}/api/callbacks/${slug}`;
}
