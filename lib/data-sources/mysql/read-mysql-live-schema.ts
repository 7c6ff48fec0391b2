import type { RowDataPacket } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import type { TMapTable } from '@/lib/validation/data-source';
import type { LiveSchema } from '../map/sql-dialect';
import { mysqlDialect } from './mysql-dialect';

const textualTypes = new Set(['varchar', 'char', 'text', 'tinytext', 'mediumtext', 'longtext']);

type ColumnRow = RowDataPacket & { table_schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string; max_length: number | string | null; current_database: string | null };

/** The columns of the given tables as the source database has them now, keyed by mysqlDialect.tableKey. */
export async function readMysqlLiveSchema(connection: Connection, tables: Pick<TMapTable, 'schema' | 'table'>[]): Promise<LiveSchema> {
  const parameters: Record<string, string | null> = {};
  const wanted = tables.map((table, index) => {
    parameters[`schema${index}`] = table.schema ?? null;
    parameters[`table${index}`] = table.table;
    return `(c.table_schema = coalesce(:schema${index}, database()) and c.table_name = :table${index})`;
  });
  const [rows] = await connection.query<ColumnRow[]>(
    `select c.table_schema as table_schema, c.table_name as table_name, c.column_name as column_name, c.data_type as data_type,
            c.is_nullable as is_nullable, c.character_maximum_length as max_length, database() as current_database
     from information_schema.columns c
     where ${wanted.join(' or ')}
     order by c.ordinal_position`,
    parameters,
  );
  const live: LiveSchema = new Map();
  for (const row of rows) {
    const mapped = tables.find((table) => (table.schema ?? row.current_database) === row.table_schema && table.table === row.table_name);
    if (!mapped) continue;
    const key = mysqlDialect.tableKey(mapped);
    if (!live.has(key)) live.set(key, new Map());
    const dataType = row.data_type.toLowerCase();
    live.get(key)!.set(row.column_name, {
      dataType,
      isNullable: row.is_nullable === 'YES',
      isTextual: textualTypes.has(dataType),
      maxLength: row.max_length === null ? null : Number(row.max_length),
    });
  }
  return live;
}
