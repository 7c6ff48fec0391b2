import type { FulfilmentSourceResultRow } from '@/db/schema';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import type { TDataSourceConfig } from '@/lib/validation/data-source';
import type { TErasedSystem, TErasedTable } from '@/emails/erasure-confirmed';

const actionWords = { delete: 'deleted', anonymise: 'anonymised', keep: 'kept' } as const;

/**
 * What the requester's confirmation says about each system: per table, how many
 * rows were deleted, anonymised or kept (the action comes from the source's map),
 * or that the team confirmed it. Counts only: never the rows.
 */
export function describeErasedSystems(
  results: Pick<FulfilmentSourceResultRow, 'sourceId' | 'sourceName' | 'sourceKind' | 'rowCounts' | 'proof'>[],
  configs: Map<string, TDataSourceConfig>,
): TErasedSystem[] {
  return [...results]
    .sort((left, right) => left.sourceName.localeCompare(right.sourceName))
    .map((result) => {
      if (result.sourceKind === 'manual') return { name: singleLine(result.sourceName, 200), isConfirmedByTeam: true, tables: [] };
      if (result.sourceKind === 'processor')
        return { name: singleLine(result.sourceName, 200), isConfirmedByTeam: false, isConfirmedByRecipient: true, tables: [] };
      const config = configs.get(result.sourceId);
      const mapped = config && 'map' in config ? config.map.tables : [];
      // A webhook reports its own table names and counts: made safe for an email line here, not trusted.
      const tables = Object.entries(result.rowCounts)
        .filter(([table]) => singleLine(table, 200) !== '')
        .map(([table, rows]): TErasedTable => {
          const erase = mapped.find((candidate) => tableLabel(candidate) === table)?.erase;
          return {
            table: singleLine(table, 200),
            action: erase ? actionWords[erase.action] : 'erased',
            rows: Number.isSafeInteger(rows) && rows > 0 ? rows : 0,
            reason: erase?.action === 'keep' ? singleLine(erase.reason, 300) : null,
          };
        });
      return {
        name: singleLine(result.sourceName, 200),
        isConfirmedByTeam: false,
        tables,
        provenAt: result.proof?.isProven ? result.proof.checkedAt : null,
      };
    });
}

function singleLine(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
