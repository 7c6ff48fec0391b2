import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources, type RequestRow } from '@/db/schema';
import type { Subject } from '@/lib/data-sources/postgres/stream-subject-rows';
import { AppError } from '@/lib/errors/app-error';
import { isActive } from '@/lib/requests/request-status';
import { isDatabaseKind } from '@/lib/validation/data-source-form';

/** The database sources whose map names correctable columns: the ones a correction is applied to row by row. */
export function isCorrectableSource(source: DataSourceRow): boolean {
  return (
    source.isEnabled &&
    isDatabaseKind(source.kind) &&
    'map' in source.config &&
    source.config.map.tables.some((table) => (table.correctable?.length ?? 0) > 0)
  );
}

/** A correction is applied only to an open correction request whose requester's details are still held. */
export function assertCorrectable(request: RequestRow): Subject {
  if (request.type !== 'correction') throw new AppError('INVALID_TRANSITION', 'Only a correction request is corrected in a source.');
  if (!isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
  if (!request.email) throw new AppError('INVALID_TRANSITION', "The requester's details are no longer held.");
  return { email: request.email, accountIdentifier: request.accountIdentifier };
}

export async function findCorrectableSource(db: DatabaseOrTransaction, sourceId: string): Promise<DataSourceRow> {
  const [source] = await db
    .select()
    .from(dataSources)
    .where(and(eq(dataSources.id, sourceId), eq(dataSources.isEnabled, true)));
  if (!source || !isCorrectableSource(source))
    throw new AppError('VALIDATION', 'That source has no correctable columns. Choose a value from the list.', { field: 'target' });
  return source;
}
