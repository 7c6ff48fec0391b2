import type { Sql } from 'postgres';
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TAuditExport } from '@/lib/validation/audit-export';
import { countEventLogRows } from './export-event-log-query';
import { countRequestLogRows } from './export-request-log-query';

/**
 * How many rows an export with these options would hold right now, shown on
 * /staff/audit before the download (a browser cannot show a total for a
 * streamed body of unknown size). The download itself counts again in its own snapshot.
 */
export async function countExportRows(db: Database, { actor, input }: { actor: StaffActor; input: TAuditExport }): Promise<number> {
  assertCan(actor, 'audit.read');
  const sql = (db as Database & { $client: Sql }).$client;
  const [row] = input.log === 'requests' ? await countRequestLogRows(sql, input) : await countEventLogRows(sql, input, env().TIME_ZONE);
  return row?.count ?? 0;
}
