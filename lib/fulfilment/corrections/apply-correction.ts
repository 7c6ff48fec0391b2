import type { Database } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { inSourceTransaction } from '@/lib/data-sources/in-source-transaction';
import { correctSubjectRow } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { changeRequest } from '@/lib/requests/change-request';
import { applyStartWork } from '@/lib/requests/start-work';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { eventActorOf, type StaffActor } from '@/lib/staff/staff-actor';
import type { TCorrectionTargetFields } from '@/lib/validation/correction';
import { assertCorrectable, findCorrectableSource } from './find-correctable-source';

export type ApplyCorrectionOptions = {
  actor: StaffActor;
  reference: string;
  version: number;
  target: TCorrectionTargetFields;
  newValue: string;
  /** The old value the agent saw in the preview: if the source holds another now, nothing is written. */
  expectedOldValue: string | null;
  now?: Date;
};

/**
 * Writes one corrected value into a database source (GDPR Art. 16, CCPA §1798.106) and records
 * it. The request's row is locked (changeRequest), so two agents applying at once go one after
 * the other, and the second finds the value changed. The source's transaction runs inside ours
 * and the audit event is written before the source commits: if the source refuses, nothing is
 * recorded; if recording fails, the source rolls back. The event names the source, table and
 * column, never the values (the audit trail outlives the requester's personal data).
 * Applying on a new request starts work on it, as every fulfilment action does.
 */
export async function applyCorrection(
  db: Database,
  { actor, reference, version, target, newValue, expectedOldValue, now = new Date() }: ApplyCorrectionOptions,
): Promise<{ oldValue: string | null; newValue: string | null }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, locked) => {
    const subject = assertCorrectable(locked);
    const request = locked.status === 'new' ? await applyStartWork(tx, { actor, request: locked, now }) : locked;
    const source = await findCorrectableSource(tx, target.sourceId);
    const { allowPrivateTargets } = await getNetworkSettings(tx);
    return inSourceTransaction(source, { subject, allowPrivateTargets }, async ({ dialect, map, live, run }) => {
      const result = await correctSubjectRow(dialect, map, live, run, { target, change: { newValue, expectedOldValue } });
      await recordEvent(tx, {
        requestId: request.id,
        actor: eventActorOf(actor),
        action: 'correction_applied',
        details: { source: source.name, sourceId: source.id, table: result.label, column: target.column },
      });
      return { oldValue: result.oldValue, newValue: result.newValue };
    });
  });
}
