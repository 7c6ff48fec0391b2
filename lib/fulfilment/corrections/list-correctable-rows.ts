import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, requests } from '@/db/schema';
import { inSourceTransaction } from '@/lib/data-sources/in-source-transaction';
import { type CorrectableTable, readCorrectableRows } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { describeConnectionFailure } from '@/lib/data-sources/describe-connection-failure';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { AppError } from '@/lib/errors/app-error';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { assertCorrectable, isCorrectableSource } from './find-correctable-source';

export type CorrectableSource = { sourceId: string; sourceName: string } & (
  | { tables: CorrectableTable[]; error?: never }
  | { tables?: never; error: string }
);

/**
 * The requester's rows in every database source with correctable columns, for the agent to
 * pick one value to correct. Reads only; a source that cannot be reached is listed with why.
 */
export async function listCorrectableRows(
  db: Database,
  { actor, reference }: { actor: StaffActor; reference: string },
): Promise<CorrectableSource[]> {
  assertCan(actor, 'requests.work');
  const [request] = await db.select().from(requests).where(eq(requests.reference, reference));
  if (!request) throw new AppError('NOT_FOUND', `No request ${reference}.`);
  const subject = assertCorrectable(request);
  const sources = (await db.select().from(dataSources).where(eq(dataSources.isEnabled, true)).orderBy(asc(dataSources.name))).filter(
    isCorrectableSource,
  );
  const { allowPrivateTargets } = await getNetworkSettings(db);
  const listed: CorrectableSource[] = [];
  for (const source of sources) {
    try {
      const tables = await inSourceTransaction(source, { subject, allowPrivateTargets }, ({ dialect, map, live, run }) =>
        readCorrectableRows(dialect, map, live, run),
      );
      listed.push({ sourceId: source.id, sourceName: source.name, tables });
    } catch (error) {
      listed.push({ sourceId: source.id, sourceName: source.name, error: describeConnectionFailure(readSourceSecret(source), error) });
    }
  }
  return listed;
}
