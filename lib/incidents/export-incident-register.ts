import { asc, inArray } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '@/db/client';
import { dataSources, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { breachRuleFor } from './breach-notification-rules';

const columns = [
  'reference',
  'title',
  'started_at',
  'discovered_at',
  'laws',
  'systems',
  'data_categories',
  'description',
  'likely_consequences',
  'measures_taken',
  'regulator_decision',
  'regulator_notified_at',
  'regulator_method',
  'regulator_reference',
  'not_required_reason',
  'decided_at',
] as const;

/**
 * The register of personal data breaches GDPR Art. 33(5) asks a controller to keep (facts, effects,
 * remedial action, and the regulator decision), as CSV for admins and auditors. Cells a spreadsheet
 * would run as a formula are escaped. The export is itself an audit event.
 */
export async function exportIncidentRegister(
  db: Database,
  { actor, now = new Date() }: { actor: StaffActor; now?: Date },
): Promise<{ fileName: string; csv: string }> {
  assertCan(actor, 'incidents.read');
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(incidents).orderBy(asc(incidents.discoveredAt), asc(incidents.id));
    const sourceIds = [...new Set(rows.flatMap((row) => row.sourceIds))];
    const names = new Map(
      sourceIds.length
        ? (await tx.select({ id: dataSources.id, name: dataSources.name }).from(dataSources).where(inArray(dataSources.id, sourceIds))).map(
            (source) => [source.id, source.name],
          )
        : [],
    );
    const records = rows.map((row) => ({
      reference: row.reference,
      title: row.title,
      started_at: row.startedAt?.toISOString() ?? '',
      discovered_at: row.discoveredAt.toISOString(),
      laws: row.regimes.map((regime) => breachRuleFor(regime)?.label ?? regime).join('; '),
      systems: row.sourceIds.map((id) => names.get(id) ?? id).join('; '),
      data_categories: row.dataCategories.join('; '),
      description: row.description,
      likely_consequences: row.likelyConsequences,
      measures_taken: row.measuresTaken,
      regulator_decision: row.regulatorDecision ?? 'pending',
      regulator_notified_at: row.regulatorNotifiedAt?.toISOString() ?? '',
      regulator_method: row.regulatorMethod ?? '',
      regulator_reference: row.regulatorReference ?? '',
      not_required_reason: row.notRequiredReason ?? '',
      decided_at: row.decidedAt?.toISOString() ?? '',
    }));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_register_exported',
      details: { rows: records.length },
    });
    return {
      fileName: `breach-register-${now.toISOString().slice(0, 10)}.csv`,
      csv: stringify(records, { header: true, columns: [...columns], escape_formulas: true }),
    };
  });
}
