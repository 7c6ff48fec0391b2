import type { Sql, TransactionSql } from 'postgres';
import type { LiveSchema } from '../map/sql-dialect';

export type { LiveColumn, LiveSchema } from '../map/sql-dialect';

const textualTypes = new Set(['text', 'character varying', 'character', 'citext']);

/** The columns of the given tables as the source database has them now, by "schema.table" (postgresDialect.tableKey). */
export async function readLiveSchema(sql: Sql | TransactionSql, tables: { schema: string; table: string }[]): Promise<LiveSchema> {
  const schemas = tables.map((table) => table.schema);
  const names = tables.map((table) => table.table);
  const rows = await sql<{ table_schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string }[]>`
    select c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable
    from information_schema.columns c
    join unnest(${schemas}::text[], ${names}::text[]) as wanted(schema_name, table_name)
      on wanted.schema_name = c.table_schema and wanted.table_name = c.table_name
    order by c.ordinal_position`;
  const live: LiveSchema = new Map();
  for (const row of rows) {
    const key = `${row.table_schema}.${row.table_name}`;
    if (!live.has(key)) live.set(key, new Map());
    live.get(key)!.set(row.column_name, { dataType: row.data_type, isNullable: row.is_nullable === 'YES', isTextual: textualTypes.has(row.data_type) });
  }
  return live;
}
