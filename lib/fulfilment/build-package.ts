import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, type FulfilmentSourceResultRow, fulfilmentRuns, fulfilmentSourceResults, requests } from '@/db/schema';
import { matchedBy } from '@/lib/data-sources/map/subject-condition';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { ZDataSourceConfig } from '@/lib/validation/data-source';
import { recordEvent } from '@/lib/audit/record-event';
import { CSV_FORMULA_ESCAPING_NOTE } from '@/lib/csv/spreadsheet-safe-csv';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { getOrganisationTexts } from '@/lib/settings/get-organisation-texts';
import { localiseOrganisationTexts } from '@/lib/settings/localise-organisation-texts';
import { supportedLocaleOf } from '@/lib/i18n/locales';
import { orderSourceTables } from './order-source-tables';
import {
  INDEX_PATH,
  MANIFEST_PATH,
  type PackageManifest,
  type PackageSource,
  packageCsvPath,
  packageJsonPath,
} from './package/package-manifest';
import { type ReadableTable, renderPackageIndex } from './package/render-package-index';
import { readReadableTables } from './package/read-readable-tables';
import { getAccessInformation } from '@/lib/settings/get-access-information';
import { localiseAccessInformation } from '@/lib/settings/localise-access-information';
import { env } from '@/lib/env';
import { type PackageEntry, writePackageZip } from './package/write-package-zip';
import { runEventActions } from './run-event-actions';
import { deleteStagedRun } from './staging/delete-staged-files';
import { sourceStagingPrefix, tableFileName } from './staging/staging-keys';
import { getStorage } from '@/lib/storage/get-storage';
import { attachmentObjectKey, deleteAttachmentFile } from './store-attachment-file';

export type BuildPackageOptions = { runId: string; now?: () => Date };

/**
 * The `build-package` job: once every source of a gather run has its data staged,
 * streams the staged objects (from whichever worker staged them) into the package ZIP
 * (with manifest.json and index.html), streamed in turn into storage under a fresh key,
 * and marks the run succeeded. The storage makes the object appear whole or not at all
 * (a renamed temporary file, a completed multipart upload), so a crash never leaves a
 * half-written package behind a key. A re-run for a run that is no longer
 * running does nothing. Any failure marks the run failed (the agent gathers again).
 */
export async function buildPackage(db: Database, { runId, now = () => new Date() }: BuildPackageOptions): Promise<void> {
  const [context] = await db
    .select({
      run: fulfilmentRuns,
      reference: requests.reference,
      requestType: requests.type,
      jurisdiction: requests.jurisdiction,
      timeZone: requests.timeZone,
      language: requests.language,
    })
    .from(fulfilmentRuns)
    .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
    .where(eq(fulfilmentRuns.id, runId));
  if (!context || context.run.kind !== 'gather' || context.run.status !== 'running') return;
  const results = await db
    .select({ result: fulfilmentSourceResults, slug: dataSources.slug, config: dataSources.config })
    .from(fulfilmentSourceResults)
    .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
    .where(eq(fulfilmentSourceResults.runId, runId))
    .orderBy(asc(fulfilmentSourceResults.sourceName));
  // settleRun queues this job only when every source succeeded; anything else is a stale job.
  if (results.some(({ result }) => result.status !== 'succeeded')) return;

  const storageKey = randomUUID();
  let stored: Promise<unknown> | undefined;
  try {
    const generatedAt = now();
    const sources: PackageSource[] = results.map(({ result, slug, config }) => ({
      name: result.sourceName,
      slug,
      kind: result.sourceKind,
      status: 'succeeded',
      rowCounts: Object.fromEntries(orderSourceTables(result.rowCounts, config)),
      ...(result.sourceKind === 'manual' ? { note: result.note ?? '' } : {}),
      ...identitiesInManifest(
        result,
        config,
        results.map((other) => other.result),
      ),
    }));
    const language = supportedLocaleOf(context.language);
    const organisation = await getOrganisationSettings(db);
    // The contact and privacy notice written for the requester's language, English where there is none.
    const { contactEmail, privacyNoticeUrl } = localiseOrganisationTexts(organisation, await getOrganisationTexts(db), language);
    // The regime's Art. 15 information in the request's language, field by field; English where a field has no translation.
    const accessInformation = localiseAccessInformation(await getAccessInformation(db, context.jurisdiction), language);
    const readableTables = new Map<string, ReadableTable[]>();
    for (const { slug, config } of results) {
      const source = sources.find((candidate) => candidate.slug === slug);
      if (source && source.kind !== 'manual')
        readableTables.set(slug, await readReadableTables(sourceStagingPrefix(runId, slug), source, config, language));
    }
    const zip = new PassThrough();
    // Streamed into storage (multipart for a bucket): memory stays flat however large the package.
    stored = getStorage().put(attachmentObjectKey(storageKey), zip);
    stored.catch((error: unknown) => zip.destroy(error as Error));
    const written = await writePackageZip(zip, {
      entries: sources.flatMap(stagedEntries(runId)),
      date: generatedAt,
      closingEntries: (files) => {
        const manifest: PackageManifest = {
          reference: context.reference ?? '',
          requestType: context.requestType,
          generatedAt: generatedAt.toISOString(),
          csv: { formulasEscaped: true, note: CSV_FORMULA_ESCAPING_NOTE },
          sources,
          files,
        };
        return [
          { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` },
          {
            path: INDEX_PATH,
            content: renderPackageIndex({
              organisationName: organisation.organisationName,
              manifest,
              timeZone: context.timeZone ?? env().TIME_ZONE,
              language,
              readableTables,
              accessInformation,
              contact: { contactEmail, privacyNoticeUrl },
            }),
          },
        ];
      },
    });
    await stored;

    const finishedAt = now();
    const replaced = await db.transaction(async (tx) => {
      // The lock makes a duplicate job (or a worker re-running this one) wait, then find the run settled.
      const [run] = await tx
        .select({ status: fulfilmentRuns.status })
        .from(fulfilmentRuns)
        .where(eq(fulfilmentRuns.id, runId))
        .for('update');
      if (run?.status !== 'running') return null;
      const older = await tx
        .update(fulfilmentRuns)
        .set({ packageDeletedAt: finishedAt })
        .where(
          and(
            eq(fulfilmentRuns.requestId, context.run.requestId),
            eq(fulfilmentRuns.kind, 'gather'),
            eq(fulfilmentRuns.status, 'succeeded'),
            isNotNull(fulfilmentRuns.packageStorageKey),
            isNull(fulfilmentRuns.packageDeletedAt),
            ne(fulfilmentRuns.id, runId),
          ),
        )
        .returning({ id: fulfilmentRuns.id, storageKey: fulfilmentRuns.packageStorageKey });
      await tx
        .update(fulfilmentRuns)
        .set({
          status: 'succeeded',
          packageStorageKey: storageKey,
          packageSizeBytes: written.sizeBytes,
          packageSha256: written.sha256,
          error: null,
          finishedAt,
        })
        .where(eq(fulfilmentRuns.id, runId));
      await recordEvent(tx, {
        requestId: context.run.requestId,
        actor: { type: 'system' },
        action: runEventActions.gather.succeeded,
        // Counts, size and checksum: never a row of the data itself.
        details: {
          runId,
          sources: sources.map((source) => ({ source: source.name, rowCounts: source.rowCounts })),
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          ...(older.length > 0 ? { replacedRunIds: older.map((replacedRun) => replacedRun.id) } : {}),
        },
      });
      return older;
    });
    if (replaced === null) {
      await deleteAttachmentFile(storageKey);
      return;
    }
    // After commit: a crash here leaves files nobody can reach, never a package row without its file.
    for (const older of replaced) if (older.storageKey) await deleteAttachmentFile(older.storageKey);
    await deleteStagedRun(runId);
  } catch (error) {
    // The half-written ZIP is dropped by the storage itself (its put fails with the error); wait for that first.
    await stored?.catch(() => {});
    await deleteAttachmentFile(storageKey);
    await markBuildFailed(db, { runId, requestId: context.run.requestId, error, now: now() });
  }
}

/** Which identity led to which rows of a database source, for the manifest (omitted for other kinds). */
function identitiesInManifest(
  result: FulfilmentSourceResultRow,
  config: unknown,
  runResults: FulfilmentSourceResultRow[],
): Pick<PackageSource, 'identities'> {
  const parsed = ZDataSourceConfig.safeParse(config);
  if (!parsed.success || !('map' in parsed.data)) return {};
  const map = parsed.data.map;
  const searchedWith = Object.fromEntries(
    Object.entries(result.identities?.used ?? {}).map(([name, values]) => [
      name,
      {
        values,
        foundIn: runResults
          .filter((other) => result.awaitsSourceIds.includes(other.sourceId) && (other.identities?.found[name]?.length ?? 0) > 0)
          .map((other) => other.sourceName),
      },
    ]),
  );
  return {
    identities: {
      tables: Object.fromEntries(map.tables.map((table) => [tableLabel(table), matchedBy(map, table)])),
      searchedWith,
      yielded: result.identities?.found ?? {},
    },
  };
}

/** A source's staged files, in the order the package lists them: its JSON, then one CSV per table. */
function stagedEntries(runId: string) {
  return (source: PackageSource): PackageEntry[] => {
    if (source.kind === 'manual') return [];
    const folder = sourceStagingPrefix(runId, source.slug);
    const open = (key: string) => () => getStorage().get(key);
    return [
      { path: packageJsonPath(source.slug), open: open(`${folder}${source.slug}.json`) },
      ...Object.keys(source.rowCounts).map((table) => ({
        path: packageCsvPath(source.slug, table),
        open: open(`${folder}${tableFileName(table, 'csv')}`),
      })),
    ];
  };
}

async function markBuildFailed(
  db: Database,
  { runId, requestId, error, now }: { runId: string; requestId: string; error: unknown; now: Date },
): Promise<void> {
  console.error(`building the package of run ${runId} failed`, error);
  const message = `The package could not be built: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000);
  await db.transaction(async (tx) => {
    const [run] = await tx.select({ status: fulfilmentRuns.status }).from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId)).for('update');
    if (run?.status !== 'running') return;
    await tx.update(fulfilmentRuns).set({ status: 'failed', error: message, finishedAt: now }).where(eq(fulfilmentRuns.id, runId));
    await recordEvent(tx, {
      requestId,
      actor: { type: 'system' },
      action: runEventActions.gather.failed,
      details: { runId, error: message },
    });
  });
  // Nothing can be retried from a failed build: gathering again stages afresh.
  await deleteStagedRun(runId);
}
