import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources, type IncidentRow } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/** The incident's involved database source that a search for affected people reads; refused for a system not named on the incident. */
export async function findLookupSource(
  db: DatabaseOrTransaction,
  { incident, sourceId }: { incident: Pick<IncidentRow, 'sourceIds'>; sourceId: string },
): Promise<DataSourceRow> {
  if (!incident.sourceIds.includes(sourceId))
    throw new AppError('VALIDATION', 'Name the system among those involved in the incident first.', { field: 'sourceId' });
  const [source] = await db.select().from(dataSources).where(eq(dataSources.id, sourceId));
  if (!source) throw new AppError('VALIDATION', 'That system no longer exists.', { field: 'sourceId' });
  if (source.kind !== 'postgres' && source.kind !== 'mysql')
    throw new AppError('VALIDATION', `${source.name} is not a database: only PostgreSQL and MySQL/MariaDB sources can be searched.`, {
      field: 'sourceId',
    });
  return source;
}
