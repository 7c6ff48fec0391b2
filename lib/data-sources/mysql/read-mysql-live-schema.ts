import type { RowDataPacket } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import type { TMapTable } from '@/lib/validation/data-source';
import { applyConstraints, type ColumnConstraint, type LiveSchema } from '../map/sql-dialect';
import { mysqlDialect } from './mysql-dialect';

const textualTypes = new Set(['varchar', 'char', 'text', 'tinytext', 'mediumtext', 'longtext']);
const dateTypes = new Set(['date', 'datetime', 'timestamp']);

type Located = { table_schema: string; table_name: string; current_database: string | null };
type ColumnRow = RowDataPacket &
  Located & { column_name: string; data_type: string; is_nullable: string; max_length: number | string | null };
type ConstraintRow = RowDataPacket & Located & { column_name: string; kind: ColumnConstraint['kind'] };

/** The columns of the given tables as the source database has them now, with their constraints, keyed by mysqlDialect.tableKey. */
export async function readMysqlLiveSchema(connection: Connection, tables: Pick<TMapTable, 'schema' | 'table'>[]): Promise<LiveSchema> {
  const parameters: Record<string, string | null> = {};
  tables.forEach((table, index) => {
    parameters[`schema${index}`] = table.schema ?? null;
    parameters[`table${index}`] = table.table;
  });
  /** Rows whose (schema, table) columns name a mapped table; a map table without a schema is in the connection's database. */
  const isMapped = (schemaColumn: string, tableColumn: string) =>
    tables.map((_, index) => `(${schemaColumn} = coalesce(:schema${index}, database()) and ${tableColumn} = :table${index})`).join(' or ');
  const keyOf = (row: Located) => {
    const mapped = tables.find((table) => (table.schema ?? row.current_database) === row.table_schema && table.table === row.table_name);
    return mapped ? mysqlDialect.tableKey(mapped) : null;
  };

  const [rows] = await connection.query<ColumnRow[]>(
    `select c.table_schema as table_schema, c.table_name as table_name, c.column_name as column_name, c.data_type as data_type,
            c.is_nullable as is_nullable, c.character_maximum_length as max_length, database() as current_database
     from information_schema.columns c
     where ${isMapped('c.table_schema', 'c.table_name')}
     order by c.ordinal_position`,
    parameters,
  );
  const live: LiveSchema = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    if (!live.has(key)) live.set(key, new Map());
    const dataType = row.data_type.toLowerCase();
    live.get(key)!.set(row.column_name, {
      dataType,
      isNullable: row.is_nullable === 'YES',
      isTextual: textualTypes.has(dataType),
      isDate: dateTypes.has(dataType),
      maxLength: row.max_length === null ? null : Number(row.max_length),
    });
  }

  // Unique indexes (the primary key among them), and foreign keys from and to these tables.
  const [constraints] = await connection.query<ConstraintRow[]>(
    `select s.table_schema as table_schema, s.table_name as table_name, s.column_name as column_name,
            if(s.index_name = 'PRIMARY', 'primary', 'unique') as kind, database() as current_database
     from information_schema.statistics s
     where s.non_unique = 0 and (${isMapped('s.table_schema', 's.table_name')})
     union all
     select k.table_schema, k.table_name, k.column_name, 'foreign', database()
     from information_schema.key_column_usage k
     where k.referenced_table_name is not null and (${isMapped('k.table_schema', 'k.table_name')})
     union all
     select k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name, 'referenced', database()
     from information_schema.key_column_usage k
     where k.referenced_table_name is not null and (${isMapped('k.referenced_table_schema', 'k.referenced_table_name')})`,
    parameters,
  );
  applyConstraints(
    live,
    constraints.flatMap((row) => {
      const key = keyOf(row);
      return key ? [{ key, column: row.column_name, kind: row.kind }] : [];
    }),
  );
  return live;
}
