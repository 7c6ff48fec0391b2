import { text } from 'node:stream/consumers';
import { z } from 'zod';
import { getStorage } from '@/lib/storage/get-storage';
import { StoredObjectMissing } from '@/lib/storage/object-storage';
import { labelIn } from '@/lib/data-sources/map/label-in';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { type TColumnPresentation, ZDataSourceConfig } from '@/lib/validation/data-source';
import { shownRowsFileName } from '../staging/staging-keys';
import { humaniseColumnName } from './format-cell';
import type { PackageSource } from './package-manifest';
import type { ReadableTable } from './render-package-index';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ZShownRows = z.object({ columns: z.array(z.string()), rows: z.array(z.array(cell)) });

/**
 * A source's tables for the package's readable page: the rows kept at staging
 * (`<table>.shown.json`, already capped) with the labels and formats of the source's
 * map. A table whose rows were not kept (staged before this existed) is listed without
 * them; a webhook's tables have no map, so their columns get readable names only.
 * Labels are the map's in the request's language (English where the map has none in it).
 */
export async function readReadableTables(
  stagingPrefix: string,
  source: PackageSource,
  config: unknown,
  language = 'en',
): Promise<ReadableTable[]> {
  const parsed = ZDataSourceConfig.safeParse(config);
  const mapped = parsed.success && 'map' in parsed.data ? parsed.data.map.tables : [];
  const tables: ReadableTable[] = [];
  for (const name of Object.keys(source.rowCounts)) {
    const table = mapped.find((candidate) => tableLabel(candidate) === name);
    const shown = await readShownRows(`${stagingPrefix}${shownRowsFileName(name)}`);
    const presentations: Record<string, TColumnPresentation> = table?.columns ?? {};
    tables.push({
      name,
      label: labelIn(table?.label, language) ?? humaniseColumnName(name),
      columns: (shown?.columns ?? table?.export ?? []).map((column) => ({
        name: column,
        label: labelIn(presentations[column]?.label, language) ?? humaniseColumnName(column),
        presentation: presentations[column],
      })),
      rows: shown?.rows ?? null,
    });
  }
  return tables;
}

async function readShownRows(key: string): Promise<z.infer<typeof ZShownRows> | null> {
  try {
    return ZShownRows.parse(JSON.parse(await text(await getStorage().get(key))));
  } catch (error) {
    if (error instanceof StoredObjectMissing) return null;
    throw error;
  }
}
