import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZPackageManifest } from '@/lib/validation/package-manifest';
import { isUuid } from '@/lib/validation/is-uuid';
import { MANIFEST_PATH, type PackageSource, packageCsvPath } from './package/package-manifest';
import { openPackageZip, type PackageZip, readSmallEntry } from './package/read-package-zip';
import { getStorage } from '@/lib/storage/get-storage';
import { StoredObjectMissing } from '@/lib/storage/object-storage';
import { attachmentObjectKey } from './store-attachment-file';

export type PreviewPackageOptions = { actor: StaffActor; reference: string; runId: string; rowsPerTable?: number };

export type PackageTablePreview = { name: string; rowCount: number; columns: string[]; rows: string[][] };
export type PackageSourcePreview = { name: string; kind: PackageSource['kind']; note: string | null; tables: PackageTablePreview[] };
export type PackagePreview = {
  runId: string;
  reference: string;
  generatedAt: Date;
  sizeBytes: number;
  sha256: string;
  isReleased: boolean;
  sources: PackageSourcePreview[];
};

const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * What an agent checks before releasing a package: per source, per table, the
 * first rows and the row count, read from the ZIP itself (what the requester
 * will get). Each CSV is read only up to the rows shown and the counts come from
 * the manifest, so a 200,000-row table costs the same as a small one. Auditors
 * may look too; every look is an audit event, as a staff download is.
 */
export async function previewPackage(
  db: Database,
  { actor, reference, runId, rowsPerTable = 10 }: PreviewPackageOptions,
): Promise<PackagePreview> {
  assertCan(actor, 'requests.read');
  if (!isUuid(runId)) throw new AppError('NOT_FOUND', 'No such data package.');
  const [row] = await db
    .select({ run: fulfilmentRuns, requestId: requests.id })
    .from(fulfilmentRuns)
    .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
    .where(
      and(
        eq(requests.reference, reference),
        eq(fulfilmentRuns.id, runId),
        eq(fulfilmentRuns.kind, 'gather'),
        isNull(fulfilmentRuns.packageDeletedAt),
      ),
    );
  const run = row?.run;
  if (!run?.packageStorageKey || run.packageSizeBytes === null || !run.packageSha256)
    throw new AppError('NOT_FOUND', 'No such data package.');

  const zip = await openStoredPackage(run.packageStorageKey);
  try {
    const manifestStream = await zip.openEntry(MANIFEST_PATH);
    if (!manifestStream) throw new Error(`package of run ${runId} has no ${MANIFEST_PATH}`);
    const manifest = ZPackageManifest.parse(JSON.parse(await readSmallEntry(manifestStream, MAX_MANIFEST_BYTES)));
    const sources: PackageSourcePreview[] = [];
    for (const source of manifest.sources) {
      const tables: PackageTablePreview[] = [];
      for (const [name, rowCount] of Object.entries(source.rowCounts)) {
        const csv = await zip.openEntry(packageCsvPath(source.slug, name));
        if (!csv) throw new Error(`package of run ${runId} lacks the CSV of ${source.slug}/${name}`);
        const [columns = [], ...rows] = await readFirstRecords(csv, rowsPerTable + 1);
        tables.push({ name, rowCount, columns, rows });
      }
      sources.push({ name: source.name, kind: source.kind, note: source.note ?? null, tables });
    }
    await recordEvent(db, {
      requestId: row.requestId,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'data_package_previewed',
      details: { runId },
    });
    return {
      runId,
      reference,
      generatedAt: new Date(manifest.generatedAt),
      sizeBytes: run.packageSizeBytes,
      sha256: run.packageSha256,
      isReleased: run.status === 'released',
      sources,
    };
  } finally {
    zip.close();
  }
}

/**
 * A ZIP is read from its end (the central directory), so the stored package is first copied,
 * decrypted, to a private temporary file (a stream, whatever its size), removed on close.
 */
async function openStoredPackage(storageKey: string): Promise<PackageZip> {
  const copy = path.join(tmpdir(), `dsr-desk-preview-${randomUUID()}.zip`);
  const removeCopy = () => rm(copy, { force: true }).catch((error: unknown) => console.error(`could not remove ${copy}`, error));
  try {
    await pipeline(await getStorage().get(attachmentObjectKey(storageKey)), createWriteStream(copy, { mode: 0o600 }));
    const zip = await openPackageZip(copy);
    return {
      ...zip,
      close: () => {
        zip.close();
        void removeCopy();
      },
    };
  } catch (error) {
    await removeCopy();
    if (!(error instanceof StoredObjectMissing)) throw error;
    console.error(`data package ${storageKey} is recorded but missing from storage`);
    throw new AppError('NOT_FOUND', 'This package is no longer in storage. Gather the data again.');
  }
}

/** The first `count` records of a CSV stream; the rest is never decompressed or parsed. */
async function readFirstRecords(stream: Readable, count: number): Promise<string[][]> {
  const parser = stream.pipe(parse({ relax_column_count: true }));
  const records: string[][] = [];
  try {
    for await (const record of parser) {
      records.push(record as string[]);
      if (records.length >= count) break;
    }
  } finally {
    stream.destroy();
    parser.destroy();
  }
  return records;
}
