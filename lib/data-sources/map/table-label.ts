import type { TMapTable } from '@/lib/validation/data-source';

/**
 * How a mapped table is named in packages, counts and the UI: `orders`, or
 * `billing.orders` outside PostgreSQL's `public` (or a MySQL table in another database).
 */
export function tableLabel(table: Pick<TMapTable, 'schema' | 'table'>): string {
  return !table.schema || table.schema === 'public' ? table.table : `${table.schema}.${table.table}`;
}
