import type { Database } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TDatabaseSourceConfig } from '@/lib/validation/data-source';
import { checkDatabaseSource } from './check-database-source';
import { tableLabel } from './map/table-label';
import { withSource } from './postgres/connect-source';
import { streamSubjectRows } from './postgres/stream-subject-rows';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';

export type SourceMapPreview = { table: string; columns: string[]; rows: Record<string, unknown>[]; isCut: boolean }[];

/**
 * "Preview for an email address" on the data source form: before a map is saved,
 * connects, checks the map against the live schema (as saving does) and reads the
 * first rows each mapped table would export for that person, in a read-only
 * transaction. Admins only; nothing is stored; the look itself is audited (which
 * source and how many rows per table, never the address or the rows).
 */
export async function previewSourceMap(
  db: Database,
  {
    actor,
    name,
    connectionString,
    config,
    email,
    rowsPerTable = 10,
  }: { actor: StaffActor; name: string; connectionString: string; config: TDatabaseSourceConfig; email: string; rowsPerTable?: number },
): Promise<SourceMapPreview> {
  assertCan(actor, 'sources.manage');
  if (config.kind !== 'postgres') throw new AppError('VALIDATION', 'Preview reads PostgreSQL sources only for now.');
  const { allowPrivateTargets } = await getNetworkSettings(db);
  await checkDatabaseSource(connectionString, config, { allowPrivateTargets });
  const preview = await withSource(connectionString, { allowPrivateTargets }, (sql) =>
    sql.begin('isolation level repeatable read read only', async (transaction) => {
      const tables: SourceMapPreview = [];
      for (const table of config.map.tables) {
        const rows: Record<string, unknown>[] = [];
        for await (const batch of streamSubjectRows(transaction, config.map, table, { email, accountIdentifier: null }, rowsPerTable + 1)) {
          rows.push(...batch);
          break;
        }
        tables.push({
          table: tableLabel(table),
          columns: table.export,
          rows: rows.slice(0, rowsPerTable),
          isCut: rows.length > rowsPerTable,
        });
      }
      return tables;
    }),
  );
  await recordEvent(db, {
    requestId: null,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'data_source_previewed',
    details: { name, rowsShown: Object.fromEntries(preview.map((table) => [table.table, table.rows.length])) },
  });
  return preview;
}
