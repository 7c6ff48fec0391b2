import type { FulfilmentSourceResultRow } from '@/db/schema';
import { labelIn } from '@/lib/data-sources/map/label-in';
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
  sources: Map<string, { config: TDataSourceConfig; publicName?: string | null }>,
  language = 'en',
): TErasedSystem[] {
  // The name a requester understands ("Our online shop"), set by an admin on the source; the staff name otherwise.
  const nameOf = (result: (typeof results)[number]) => singleLine(sources.get(result.sourceId)?.publicName || result.sourceName, 200);
  return [...results]
    .sort((left, right) => nameOf(left).localeCompare(nameOf(right)))
    .map((result) => {
      if (result.sourceKind === 'manual') return { name: nameOf(result), isConfirmedByTeam: true, tables: [] };
      if (result.sourceKind === 'processor')
        return { name: nameOf(result), isConfirmedByTeam: false, isConfirmedByRecipient: true, tables: [] };
      const config = sources.get(result.sourceId)?.config;
      const mapped = config && 'map' in config ? config.map.tables : [];
      // A webhook reports its own table names and counts: made safe for an email line here, not trusted.
      const tables = Object.entries(result.rowCounts)
        .filter(([table]) => singleLine(table, 200) !== '')
        .map(([table, rows]): TErasedTable => {
          const mappedTable = mapped.find((candidate) => tableLabel(candidate) === table);
          const erase = mappedTable?.erase;
          return {
            // The map's label ("Your orders") where it has one: the same words the access package uses.
            table: singleLine(labelIn(mappedTable?.label, language) ?? table, 200),
            action: erase ? actionWords[erase.action] : 'erased',
            rows: Number.isSafeInteger(rows) && rows > 0 ? rows : 0,
            reason: erase?.action === 'keep' ? singleLine(erase.reason, 300) : null,
          };
        });
      return {
        name: nameOf(result),
        isConfirmedByTeam: false,
        tables,
        provenAt: result.proof?.isProven ? result.proof.checkedAt : null,
      };
    });
}

function singleLine(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
