import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources, type IncidentRow } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/**
 * The incident's involved source that a search for affected people reads: a database (searched
 * through its map) or an enabled webhook source (asked by a signed `breach_lookup` job; a disabled
 * one's callbacks would be refused). Refused for a system not named on the incident.
 */
export async function findLookupSource(
  db: DatabaseOrTransaction,
  { incident, sourceId }: { incident: Pick<IncidentRow, 'sourceIds'>; sourceId: string },
): Promise<DataSourceRow> {
  if (!incident.sourceIds.includes(sourceId))
    throw new AppError('VALIDATION', 'Name the system among those involved in the incident first.', { field: 'sourceId' });
  const [source] = await db.select().from(dataSources).where(eq(dataSources.id, sourceId));
  if (!source) throw new AppError('VALIDATION', 'That system no longer exists.', { field: 'sourceId' });
  if (!isSearchableKind(source.kind))
    throw new AppError('VALIDATION', `${source.name} cannot be searched: only PostgreSQL, MySQL/MariaDB and webhook sources can.`, {
      field: 'sourceId',
    });
  if (source.kind === 'webhook' && !source.isEnabled)
    throw new AppError('VALIDATION', `${source.name} is disabled: enable it (Data sources) to search it.`, { field: 'sourceId' });
  return source;
}

/** The kinds of source a search for affected people can read. */
export function isSearchableKind(kind: DataSourceRow['kind']): boolean {
  return kind === 'postgres' || kind === 'mysql' || kind === 'webhook';
}
