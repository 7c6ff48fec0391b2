import type { RowDataPacket } from 'mysql2';
import type { TDatabaseSourceConfig } from '@/lib/validation/data-source';
import type { SourceNetworkOptions } from './postgres/connect-source';
import { withMysqlSource } from './mysql/connect-mysql-source';
import { withSource } from './postgres/connect-source';

/** One table the source database holds, as the map's table picker lists it. */
export type CatalogTable = { schema: string | null; table: string; columns: string[] };
export type SourceCatalog = { tables: CatalogTable[]; isCut: boolean };

/** At most this many tables are listed (a map names a handful; a huge schema is cut and says so). */
export const CATALOG_TABLE_LIMIT = 300;

/**
 * Every table and view the connection can read, with its columns in their order, for the map's
 * picker: PostgreSQL's user schemas (a table in `public` has no schema, as maps write it), or the
 * MySQL/MariaDB connection's own database. Names only; no row is read.
 */
export async function readSourceCatalog(
  connectionString: string,
  kind: TDatabaseSourceConfig['kind'],
  network: SourceNetworkOptions,
): Promise<SourceCatalog> {
  const rows =
    kind === 'mysql'
      ? await withMysqlSource(connectionString, network, async ({ promise }) => {
          const [found] = await promise.query<(RowDataPacket & { table_name: string; column_name: string })[]>(
            `select c.table_name as table_name, c.column_name as column_name
             from information_schema.columns c
             where c.table_schema = database()
             order by c.table_name, c.ordinal_position`,
          );
          return found.map((row) => ({ schema: null, table: row.table_name, column: row.column_name }));
        })
      : await withSource(connectionString, network, async (sql) => {
          const found = await sql<{ table_schema: string; table_name: string; column_name: string }[]>`
            select c.table_schema, c.table_name, c.column_name
            from information_schema.columns c
            where c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_toast%'
            order by c.table_schema = 'public' desc, c.table_schema, c.table_name, c.ordinal_position`;
          return found.map((row) => ({
            schema: row.table_schema === 'public' ? null : row.table_schema,
            table: row.table_name,
            column: row.column_name,
          }));
        });
  const tables: CatalogTable[] = [];
  for (const row of rows) {
    const last = tables.at(-1);
    if (last && last.schema === row.schema && last.table === row.table) last.columns.push(row.column);
    else tables.push({ schema: row.schema, table: row.table, columns: [row.column] });
  }
  return { tables: tables.slice(0, CATALOG_TABLE_LIMIT), isCut: tables.length > CATALOG_TABLE_LIMIT };
}
