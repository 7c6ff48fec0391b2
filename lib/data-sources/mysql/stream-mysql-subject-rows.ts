import type { Connection } from 'mysql2';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { subjectCondition } from '../map/subject-condition';
import type { Subject, SourceRow } from '../postgres/stream-subject-rows';
import { mysqlDialect, mysqlSubjectParameters } from './mysql-dialect';

/**
 * The subject's rows of one table, in batches, read as the server sends them:
 * mysql2's query stream pauses the socket while batches wait, so memory stays
 * bounded whatever the row count (a customer with 200,000 orders).
 */
export async function* streamMysqlSubjectRows(
  connection: Connection,
  map: TMysqlMap,
  table: TMysqlMap['tables'][number],
  subject: Subject,
  batchSize = 1000,
): AsyncGenerator<SourceRow[]> {
  const columns = table.export.map(mysqlDialect.quoteIdentifier).join(', ');
  const query = `select ${columns} from ${mysqlDialect.qualifiedName(table)} where ${subjectCondition(mysqlDialect, map, table)}`;
  const stream = connection.query(query, mysqlSubjectParameters(subject)).stream({ highWaterMark: batchSize });
  let batch: SourceRow[] = [];
  for await (const row of stream as AsyncIterable<SourceRow>) {
    batch.push({ ...row });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
