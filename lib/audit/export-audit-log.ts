import { createHash } from 'node:crypto';
import { spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import type { ReservedSql, Sql } from 'postgres';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type AuditLog, type TAuditExport, ZAuditExport } from '@/lib/validation/audit-export';
import { countEventLogRows, eventLogColumns, selectEventLogRows } from './export-event-log-query';
import { countIncidentRegisterRows, incidentRegisterColumns, selectIncidentRegisterRows } from './export-incident-register-query';
import { type ExportManifest, manifestFilters, manifestLine } from './export-manifest';
import { copyRequestLogCsv, countRequestLogRows, requestLogColumns, selectRequestLogRows } from './export-request-log-query';
import { latestTreeHeadQuery } from './list-tree-heads';
import { recordEvent } from './record-event';
import { auditPublicKey } from './tree-head-signing-key';

export type AuditExportDownload = { fileName: string; contentType: string; rowCount: number; body: ReadableStream<Uint8Array> };

export type ExportAuditLogOptions = {
  actor: StaffActor;
  /** The raw query (URL search parameters): parsed here, after the permission check, so a refused role learns nothing. */
  query: Record<string, string | undefined>;
  /** Rows fetched per database round trip; each batch becomes one chunk of the response. */
  batchSize?: number;
  now?: Date;
};

type LogDefinition = {
  columns: readonly string[];
  count: (sql: Sql, input: TAuditExport, timeZone: string) => Promise<{ count: number }[]>;
  select: (sql: Sql, input: TAuditExport, timeZone: string) => { cursor: (rows: number) => AsyncIterable<Record<string, unknown>[]> };
  /** When set, the CSV comes from PostgreSQL's COPY (header included) rather than rows built here. */
  copyCsv?: (sql: Sql, input: TAuditExport, timeZone: string) => Promise<AsyncIterable<Buffer>>;
};

const logs: Record<AuditLog, LogDefinition> = {
  requests: {
    columns: requestLogColumns,
    count: (sql, input) => countRequestLogRows(sql, input),
    select: selectRequestLogRows,
    copyCsv: copyRequestLogCsv,
  },
  events: { columns: eventLogColumns, count: countEventLogRows, select: selectEventLogRows },
  incidents: { columns: incidentRegisterColumns, count: countIncidentRegisterRows, select: selectIncidentRegisterRows },
};

/**
 * Streams the request log or the event log as CSV or NDJSON, ending with a
 * signed manifest line (lib/audit/export-manifest.ts). Rows come from the
 * database through a cursor, one batch per chunk, so memory stays flat however
 * many rows there are. Auditors and admins only; the export is itself audited.
 */
export async function exportAuditLog(
  db: Database,
  { actor, query, batchSize = 1000, now = new Date() }: ExportAuditLogOptions,
): Promise<AuditExportDownload> {
  assertCan(actor, 'audit.read');
  const parsed = ZAuditExport.safeParse(query);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Check the export options.', { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  }
  const input = parsed.data;
  if (input.log === 'incidents') assertCan(actor, 'incidents.read');
  const log = logs[input.log];
  const timeZone = env().TIME_ZONE;
  const publicKey = auditPublicKey();

  // One connection held for the whole download, in a read-only repeatable-read
  // transaction: the row count, the chain head and every streamed row come from
  // one snapshot, so the manifest describes exactly what was sent while staff
  // keep working. A slow download holds that connection (and the snapshot) open.
  const connection = await (db as Database & { $client: Sql }).$client.reserve();
  let isSnapshotOpen = false;
  try {
    await connection`begin isolation level repeatable read read only`;
    isSnapshotOpen = true;
    const [{ count: rowCount } = { count: 0 }] = await log.count(connection, input, timeZone);
    const treeHead = await readTreeHead(connection);

    // Recorded before the first byte, on another connection and in its own
    // transaction: an export that fails half-way is still on the record.
    await recordEvent(db, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'audit_exported',
      details: { log: input.log, format: input.format, filters: manifestFilters(input), rowCount },
    });

    const manifestBase = {
      kind: 'dsr-desk-audit-export',
      version: 2,
      log: input.log,
      format: input.format,
      filters: manifestFilters(input),
      timeRange: { from: input.from ?? null, to: input.to ?? null, timeZone },
      generatedAt: now.toISOString(),
      treeHead,
      exportedBy: actor.staffId,
      signatureAlgorithm: 'Ed25519',
      publicKey: publicKey.base64,
      keyFingerprint: publicKey.fingerprint,
    } as const;
    const chunks = produceChunks({ connection, log, input, timeZone, batchSize, manifestBase, snapshotRowCount: rowCount });
    isSnapshotOpen = false; // the stream owns the connection from here
    return {
      fileName: exportFileName(input, now),
      contentType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      rowCount,
      body: toByteStream(chunks),
    };
  } finally {
    if (isSnapshotOpen) await closeSnapshot(connection, 'rollback');
  }
}

/** The newest signed tree head, read on the export's own connection so it belongs to the same snapshot as the rows. */
async function readTreeHead(connection: ReservedSql): Promise<ExportManifest['treeHead']> {
  const [head] = await connection.unsafe<NonNullable<ExportManifest['treeHead']>[]>(latestTreeHeadQuery);
  return head ? { treeSize: head.treeSize, rootHash: head.rootHash, signedAt: head.signedAt, signature: head.signature } : null;
}

async function closeSnapshot(connection: ReservedSql, ending: 'commit' | 'rollback'): Promise<void> {
  try {
    await (ending === 'commit' ? connection`commit` : connection`rollback`);
  } finally {
    connection.release();
  }
}

async function* produceChunks({
  connection,
  log,
  input,
  timeZone,
  batchSize,
  manifestBase,
  snapshotRowCount,
}: {
  connection: ReservedSql;
  /** The count taken in the same snapshot: what a COPY streams, row for row. */
  snapshotRowCount: number;
  log: LogDefinition;
  input: TAuditExport;
  timeZone: string;
  batchSize: number;
  manifestBase: Omit<ExportManifest, 'rowCount' | 'dataSha256'>;
}): AsyncGenerator<string | Buffer> {
  let isCommitted = false;
  try {
    const dataHash = createHash('sha256');
    let rowCount = 0;
    const emit = <T extends string | Buffer>(chunk: T): T => {
      dataHash.update(chunk);
      return chunk;
    };
    if (input.format === 'csv' && log.copyCsv) {
      // PostgreSQL writes the CSV, formula neutralisation included; here the bytes are only hashed and passed on.
      for await (const chunk of await log.copyCsv(connection, input, timeZone)) yield emit(chunk);
      rowCount = snapshotRowCount;
    } else {
      if (input.format === 'csv') yield emit(spreadsheetSafeCsv([], { header: true, columns: [...log.columns] }));
      for await (const rows of log.select(connection, input, timeZone).cursor(batchSize)) {
        rowCount += rows.length;
        yield emit(input.format === 'csv' ? csvRows(rows, log.columns) : ndjsonRows(rows));
      }
    }
    isCommitted = true;
    await closeSnapshot(connection, 'commit');
    yield manifestLine({ ...manifestBase, rowCount, dataSha256: dataHash.digest('hex') });
  } finally {
    // Reached early when the client goes away mid-download (the stream is cancelled) or a query fails.
    if (!isCommitted) await closeSnapshot(connection, 'rollback');
  }
}

// A formula typed into a staff text field never runs when the file is opened in a spreadsheet.
function csvRows(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return spreadsheetSafeCsv(rows, { columns: [...columns] });
}

function ndjsonRows(rows: Record<string, unknown>[]): string {
  return rows
    .map(
      (row) =>
        `${JSON.stringify('details' in row && typeof row.details === 'string' ? { ...row, details: JSON.parse(row.details) } : row)}\n`,
    )
    .join('');
}

function toByteStream(chunks: AsyncGenerator<string | Buffer>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else
        controller.enqueue(
          typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
        );
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

const exportFileStem: Record<AuditLog, string> = { requests: 'request-log', events: 'event-log', incidents: 'breach-register' };

function exportFileName(input: TAuditExport, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `dsr-desk-${exportFileStem[input.log]}-${stamp}.${input.format}`;
}
