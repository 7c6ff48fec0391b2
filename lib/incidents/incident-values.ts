import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { dataSources } from '@/db/schema';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import type { TIncidentForm } from '@/lib/validation/incident';
import { fromWallClockTime } from './zoned-date-time';

/**
 * The columns an incident form sets, with times read in the organisation's time zone.
 * Refuses (with the field) a system that does not exist and an awareness before the start or in the future.
 */
export async function incidentValues(db: DatabaseOrTransaction, input: TIncidentForm, now: Date) {
  const { TIME_ZONE } = env();
  const discoveredAt = fromWallClockTime(input.discoveredAt, TIME_ZONE);
  const startedAt = input.startedAt ? fromWallClockTime(input.startedAt, TIME_ZONE) : null;
  if (discoveredAt.getTime() > now.getTime() + 60_000)
    throw new AppError('VALIDATION', 'The time you became aware of it cannot be in the future.', { field: 'discoveredAt' });
  if (startedAt && startedAt > discoveredAt)
    throw new AppError('VALIDATION', 'The breach cannot have started after you became aware of it.', { field: 'startedAt' });
  if (input.sourceIds.length > 0) {
    const known = await db.select({ id: dataSources.id }).from(dataSources).where(inArray(dataSources.id, input.sourceIds));
    if (known.length !== new Set(input.sourceIds).size)
      throw new AppError('VALIDATION', 'One of the systems chosen no longer exists. Reload the page.', { field: 'sourceIds' });
  }
  return {
    title: input.title,
    description: input.description,
    startedAt,
    discoveredAt,
    regimes: [...new Set(input.regimes)],
    sourceIds: [...new Set(input.sourceIds)],
    dataCategories: [...new Set(input.dataCategories)],
    likelyConsequences: input.likelyConsequences,
    measuresTaken: input.measuresTaken,
  };
}
