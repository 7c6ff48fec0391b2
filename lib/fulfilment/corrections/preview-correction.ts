import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { inSourceTransaction } from '@/lib/data-sources/in-source-transaction';
import { correctSubjectRow } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { AppError } from '@/lib/errors/app-error';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TCorrectionTargetFields } from '@/lib/validation/correction';
import { assertCorrectable, findCorrectableSource } from './find-correctable-source';

export type CorrectionPreview = {
  sourceId: string;
  sourceName: string;
  table: string;
  column: string;
  oldValue: string | null;
  newValue: string;
};

export type PreviewCorrectionOptions = { actor: StaffActor; reference: string; target: TCorrectionTargetFields; newValue: string };

/**
 * The correction's dry run: the value in the source now beside the value it would become.
 * Reads only and records nothing; applyCorrection re-reads the row and refuses if it moved.
 */
export async function previewCorrection(
  db: Database,
  { actor, reference, target, newValue }: PreviewCorrectionOptions,
): Promise<CorrectionPreview> {
  assertCan(actor, 'requests.work');
  const [request] = await db.select().from(requests).where(eq(requests.reference, reference));
  if (!request) throw new AppError('NOT_FOUND', `No request ${reference}.`);
  const subject = assertCorrectable(request);
  const source = await findCorrectableSource(db, target.sourceId);
  const { allowPrivateTargets } = await getNetworkSettings(db);
  const { oldValue, label } = await inSourceTransaction(source, { subject, allowPrivateTargets }, ({ dialect, map, live, run }) =>
    correctSubjectRow(dialect, map, live, run, { target }),
  );
  return { sourceId: source.id, sourceName: source.name, table: label, column: target.column, oldValue, newValue };
}
