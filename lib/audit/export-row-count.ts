import type { Sql } from 'postgres';
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TAuditExport } from '@/lib/validation/audit-export';
import { countEventLogRows } from './export-event-log-query';
import { countIncidentRegisterRows } from './export-incident-register-query';
import { countRequestLogRows } from './export-request-log-query';

/**
 * How many rows an export with these options would hold right now, shown on
 * /staff/audit before the download (a browser cannot show a total for a
 * streamed body of unknown size). The download itself counts again in its own snapshot.
 */
export async function countExportRows(db: Database, { actor, input }: { actor: StaffActor; input: TAuditExport }): Promise<number> {
  assertCan(actor, 'audit.read');
  const sql = (db as Database & { $client: Sql }).$client;
  const counts = {
    requests: () => countRequestLogRows(sql, input),
    events: () => countEventLogRows(sql, input, env().TIME_ZONE),
    incidents: () => countIncidentRegisterRows(sql, input, env().TIME_ZONE),
  };
  if (input.log === 'incidents') assertCan(actor, 'incidents.read');
  const [row] = await counts[input.log]();
  return row?.count ?? 0;
}
