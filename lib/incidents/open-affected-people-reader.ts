import type { RowDataPacket } from 'mysql2';
import type { DataSourceRow } from '@/db/schema';
import { withMysqlSource } from '@/lib/data-sources/mysql/connect-mysql-source';
import { readMysqlLiveSchema } from '@/lib/data-sources/mysql/read-mysql-live-schema';
import { withSource } from '@/lib/data-sources/postgres/connect-source';
import { readLiveSchema } from '@/lib/data-sources/postgres/read-live-schema';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { AppError } from '@/lib/errors/app-error';
import { ZMysqlSourceConfig, ZPostgresSourceConfig } from '@/lib/validation/data-source';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import {
  affectedEmailsSelect,
  countAffectedStatement,
  distinctAffectedStatement,
  driverParameters,
  sampleAffectedStatement,
} from './affected-people-sql';

/** The people a filter finds in one source: counted, sampled, or read in batches of addresses. */
export type AffectedPeopleReader = {
  count(): Promise<number>;
  sample(size: number): Promise<string[]>;
  /** Every address once, lower-cased, in batches read through a cursor (PostgreSQL) or a paused stream (MySQL): memory stays bounded. */
  batches(batchSize: number): AsyncGenerator<string[]>;
};

/**
 * Connects to a database source (its own short-lived connection, as a fulfilment run does), checks the
 * filter against its map and live schema, and hands `work` a reader. Other kinds are refused here:
 * webhook sources are asked by a signed job, manual ones hold nothing a query can reach.
 */
export async function withAffectedPeopleReader<T>(
  source: Pick<DataSourceRow, 'kind' | 'config' | 'secretCiphertext' | 'name'>,
  { filter, allowPrivateTargets }: { filter: TAffectedFilter; allowPrivateTargets: boolean },
  work: (reader: AffectedPeopleReader) => Promise<T>,
): Promise<T> {
  if (source.kind === 'postgres') {
    const { map } = ZPostgresSourceConfig.parse(source.config);
    return withSource(readSourceSecret(source), { allowPrivateTargets }, async (sql) => {
      const select = affectedEmailsSelect('postgres', map, await readLiveSchema(sql, map.tables), filter);
      const run = async <Row>(statement: { text: string; values: string[] }) =>
        (await sql.unsafe(statement.text, driverParameters('postgres', statement.values) as string[])) as unknown as Row[];
      return work({
        count: async () => Number((await run<{ people: string }>(countAffectedStatement(select)))[0]?.people ?? 0),
        sample: async (size) => (await run<{ email: string }>(sampleAffectedStatement(select, size))).map((row) => row.email),
        async *batches(batchSize) {
          const statement = distinctAffectedStatement(select);
          for await (const rows of sql.unsafe(statement.text, statement.values).cursor(batchSize))
            yield rows.map((row) => String(row.email));
        },
      });
    });
  }
  if (source.kind === 'mysql') {
    const { map } = ZMysqlSourceConfig.parse(source.config);
    return withMysqlSource(readSourceSecret(source), { allowPrivateTargets }, async ({ promise, connection }) => {
      const select = affectedEmailsSelect('mysql', map, await readMysqlLiveSchema(promise, map.tables), filter);
      const run = async <Row>(statement: { text: string; values: string[] }) =>
        (await promise.query<RowDataPacket[]>(statement.text, driverParameters('mysql', statement.values)))[0] as Row[];
      return work({
        count: async () => Number((await run<{ people: string }>(countAffectedStatement(select)))[0]?.people ?? 0),
        sample: async (size) => (await run<{ email: string }>(sampleAffectedStatement(select, size))).map((row) => row.email),
        async *batches(batchSize) {
          const statement = distinctAffectedStatement(select);
          const stream = connection.query(statement.text, driverParameters('mysql', statement.values)).stream({ highWaterMark: batchSize });
          let batch: string[] = [];
          for await (const row of stream as AsyncIterable<{ email: string }>) {
            batch.push(String(row.email));
            if (batch.length >= batchSize) {
              yield batch;
              batch = [];
            }
          }
          if (batch.length > 0) yield batch;
        },
      });
    });
  }
  throw new AppError('VALIDATION', `${source.name} is not a database: only PostgreSQL and MySQL/MariaDB sources can be searched.`, {
    field: 'sourceId',
  });
}
