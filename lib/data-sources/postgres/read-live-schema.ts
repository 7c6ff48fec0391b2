import type { Sql, TransactionSql } from 'postgres';
import { applyConstraints, type ColumnConstraint, type LiveSchema } from '../map/sql-dialect';

export type { LiveColumn, LiveSchema } from '../map/sql-dialect';

const textualTypes = new Set(['text', 'character varying', 'character', 'citext']);
const dateTypes = new Set(['date', 'timestamp without time zone', 'timestamp with time zone']);

/** The columns of the given tables as the source database has them now, with their constraints, by "schema.table" (postgresDialect.tableKey). */
export async function readLiveSchema(sql: Sql | TransactionSql, tables: { schema?: string; table: string }[]): Promise<LiveSchema> {
  const schemas = tables.map((table) => table.schema ?? 'public');
  const names = tables.map((table) => table.table);
  const rows = await sql<
    { table_schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string; max_length: number | null }[]
  >`
    select c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable, c.character_maximum_length as max_length
    from information_schema.columns c
    join unnest(${schemas}::text[], ${names}::text[]) as wanted(schema_name, table_name)
      on wanted.schema_name = c.table_schema and wanted.table_name = c.table_name
    order by c.ordinal_position`;
  const live: LiveSchema = new Map();
  for (const row of rows) {
    const key = `${row.table_schema}.${row.table_name}`;
    if (!live.has(key)) live.set(key, new Map());
    live.get(key)!.set(row.column_name, {
      dataType: row.data_type,
      isNullable: row.is_nullable === 'YES',
      isTextual: textualTypes.has(row.data_type),
      isDate: dateTypes.has(row.data_type),
      maxLength: row.max_length,
    });
  }
  // Unique indexes (primary keys and unique constraints among them), and foreign keys from and to these tables.
  const constraints = await sql<ColumnConstraint[]>`
    with wanted as (
      select c.oid, n.nspname || '.' || c.relname as key
      from unnest(${schemas}::text[], ${names}::text[]) as w(schema_name, table_name)
      join pg_namespace n on n.nspname = w.schema_name
      join pg_class c on c.relnamespace = n.oid and c.relname = w.table_name
    )
    select w.key, a.attname as column, case when i.indisprimary then 'primary' else 'unique' end as kind
    from wanted w join pg_index i on i.indrelid = w.oid and i.indisunique
    join pg_attribute a on a.attrelid = w.oid and a.attnum = any(i.indkey)
    union all
    select w.key, a.attname, 'foreign'
    from wanted w join pg_constraint f on f.conrelid = w.oid and f.contype = 'f'
    join pg_attribute a on a.attrelid = w.oid and a.attnum = any(f.conkey)
    union all
    select w.key, a.attname, 'referenced'
    from wanted w join pg_constraint f on f.confrelid = w.oid and f.contype = 'f'
    join pg_attribute a on a.attrelid = w.oid and a.attnum = any(f.confkey)`;
  applyConstraints(live, constraints);
  return live;
}
