import type { TTableMap } from '@/lib/validation/data-source';

/** How a mapped table is named in packages, counts and the UI: `orders`, or `billing.orders` outside public. */
export function tableLabel(table: Pick<TTableMap, 'schema' | 'table'>): string {
  return table.schema === 'public' ? table.table : `${table.schema}.${table.table}`;
}
