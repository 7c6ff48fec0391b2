import { stringify } from 'csv-stringify/sync';
import type { Sql } from 'postgres';
import type { Database } from '@/db/client';
import { incidentRegisterColumns, selectIncidentRegisterRows } from '@/lib/audit/export-incident-register-query';
import { recordEvent } from '@/lib/audit/record-event';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { breachRuleFor } from './breach-notification-rules';

/**
 * The register of personal data breaches GDPR Art. 33(5) asks a controller to keep (facts, effects,
 * remedial action, the regulator decision, people found and notified), as CSV for admins and auditors
 * from the incidents page. It is the same query as the register in the auditor's signed export
 * (export-incident-register-query.ts), with the laws by name. Cells a spreadsheet would run as a
 * formula are escaped. The export is itself an audit event.
 */
export async function exportIncidentRegister(
  db: Database,
  { actor, now = new Date() }: { actor: StaffActor; now?: Date },
): Promise<{ fileName: string; csv: string }> {
  assertCan(actor, 'incidents.read');
  const sql = (db as Database & { $client: Sql }).$client;
  const rows = await selectIncidentRegisterRows(sql, { log: 'incidents', format: 'csv' }, env().TIME_ZONE);
  const records = rows.map((row) => ({
    ...row,
    laws: (row.laws ?? '')
      .split('; ')
      .filter(Boolean)
      .map((regime) => breachRuleFor(regime)?.label ?? regime)
      .join('; '),
  }));
  await recordEvent(db, {
    requestId: null,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'incident_register_exported',
    details: { rows: records.length },
  });
  return {
    fileName: `breach-register-${now.toISOString().slice(0, 10)}.csv`,
    csv: stringify(records, { header: true, columns: [...incidentRegisterColumns], escape_formulas: true }),
  };
}
