import { tableLabel } from '@/lib/data-sources/map/table-label';
import { ZDataSourceConfig } from '@/lib/validation/data-source';

/**
 * A source's per-table counts in the order its map lists the tables (customers
 * before their orders), since jsonb keeps object keys in an order of its own;
 * tables the map does not name (a webhook's answer) follow by name.
 */
export function orderSourceTables(rowCounts: Record<string, number>, config: unknown): [table: string, rows: number][] {
  const parsed = ZDataSourceConfig.safeParse(config);
  const mapOrder = parsed.success && 'map' in parsed.data ? parsed.data.map.tables.map(tableLabel) : [];
  const rank = (table: string) => (mapOrder.includes(table) ? mapOrder.indexOf(table) : mapOrder.length);
  return Object.entries(rowCounts).sort(([left], [right]) => rank(left) - rank(right) || left.localeCompare(right));
}
