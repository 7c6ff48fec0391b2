import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type IncidentRow, incidents } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/** The incident under its row lock, refused as stale when someone saved it since the form was read. */
export async function findIncidentForUpdate(
  tx: Transaction,
  { reference, version }: { reference: string; version: number },
): Promise<IncidentRow> {
  const [incident] = await tx.select().from(incidents).where(eq(incidents.reference, reference)).for('update');
  if (!incident) throw new AppError('NOT_FOUND', 'No such incident.');
  if (incident.version !== version)
    throw new AppError('CONFLICT', 'Someone else changed this incident since you opened it. Reload the page and try again.');
  return incident;
}
