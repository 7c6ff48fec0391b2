import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { dataSources, type IncidentRow } from '@/db/schema';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZDataSourceConfig } from '@/lib/validation/data-source';

/** The incident's involved database sources with their mapped tables and the columns the map names, for the affected-people form. */
export async function listLookupSources(
  db: DatabaseOrTransaction,
  { actor, incident }: { actor: StaffActor; incident: Pick<IncidentRow, 'sourceIds'> },
) {
  assertCan(actor, 'incidents.manage');
  if (incident.sourceIds.length === 0) return [];
  const rows = await db.select().from(dataSources).where(inArray(dataSources.id, incident.sourceIds));
  return rows.flatMap((source) => {
    const config = ZDataSourceConfig.safeParse(source.config);
    if (!config.success || (config.data.kind !== 'postgres' && config.data.kind !== 'mysql')) return [];
    return [
      {
        id: source.id,
        name: source.name,
        tables: config.data.map.tables.map((table) => ({
          table: table.table,
          label: tableLabel(table),
          columns: [...new Set([table.match.column, ...table.export])],
        })),
      },
    ];
  });
}
