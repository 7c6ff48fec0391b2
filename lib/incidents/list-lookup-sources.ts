import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { dataSources, type IncidentRow } from '@/db/schema';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZDataSourceConfig } from '@/lib/validation/data-source';

export type LookupSource = {
  id: string;
  name: string;
  kind: 'postgres' | 'mysql' | 'webhook';
  tables: { table: string; label: string; columns: string[] }[];
};

/**
 * The incident's involved searchable sources for the affected-people form: databases with their
 * mapped tables and the columns the map names; enabled webhook sources with none (the system reads
 * the filter's names in its own terms).
 */
export async function listLookupSources(
  db: DatabaseOrTransaction,
  { actor, incident }: { actor: StaffActor; incident: Pick<IncidentRow, 'sourceIds'> },
): Promise<LookupSource[]> {
  assertCan(actor, 'incidents.manage');
  if (incident.sourceIds.length === 0) return [];
  const rows = await db.select().from(dataSources).where(inArray(dataSources.id, incident.sourceIds));
  return rows.flatMap((source): LookupSource[] => {
    const config = ZDataSourceConfig.safeParse(source.config);
    if (!config.success) return [];
    if (config.data.kind === 'webhook') return source.isEnabled ? [{ id: source.id, name: source.name, kind: 'webhook', tables: [] }] : [];
    if (config.data.kind !== 'postgres' && config.data.kind !== 'mysql') return [];
    return [
      {
        id: source.id,
        name: source.name,
        kind: config.data.kind,
        tables: config.data.map.tables.map((table) => ({
          table: table.table,
          label: tableLabel(table),
          columns: [...new Set([table.match.column, ...table.export])],
        })),
      },
    ];
  });
}
