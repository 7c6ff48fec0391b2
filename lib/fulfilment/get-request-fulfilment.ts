import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TErasureAction } from '@/lib/validation/data-source';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import {
  dataSources,
  type FulfilmentRunRow,
  type FulfilmentSourceResultRow,
  fulfilmentRuns,
  fulfilmentSourceResults,
  staffMembers,
} from '@/db/schema';
import { tableLabel } from '@/lib/data-sources/map/table-label';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZDataSourceConfig } from '@/lib/validation/data-source';
import { orderSourceTables } from './order-source-tables';
import { type ErasureReplay, findErasureReplay } from './replay-erasure';
import { listRecipientsTold, type RecipientTold } from '@/lib/processors/list-recipients-told';
import { type IdentityChain, planIdentityChain } from '@/lib/data-sources/identity-chain';

/** What erasure does to one table of a PostgreSQL source, from its map: shown beside the dry run's counts. */
export type TableErasureAction = TErasureAction;

export type FulfilmentResultView = Pick<
  FulfilmentSourceResultRow,
  | 'id'
  | 'sourceId'
  | 'sourceName'
  | 'sourceKind'
  | 'status'
  | 'rowCounts'
  | 'rowsDone'
  | 'error'
  | 'attempts'
  | 'note'
  | 'startedAt'
  | 'finishedAt'
  | 'proof'
> & {
  confirmedByName: string | null;
  /** A manual source's checklist instructions. */
  instructions: string | null;
  /** Per table in the map's order: rows gathered, counted or erased, and (PostgreSQL sources) what erasure does to it. */
  tables: { name: string; rows: number; erasure: TableErasureAction | null }[];
};

export type FulfilmentRunView = Pick<FulfilmentRunRow, 'id' | 'kind' | 'status' | 'error' | 'createdAt' | 'finishedAt' | 'releasedAt'> & {
  startedByName: string | null;
  releasedByName: string | null;
  /** The built package, while its file is kept. */
  package: { sizeBytes: number; sha256: string } | null;
  results: FulfilmentResultView[];
};

export type RequestFulfilment = {
  gather: FulfilmentRunView | null;
  dryRun: FulfilmentRunView | null;
  erase: FulfilmentRunView | null;
  /** Correction requests: the signed `correct` jobs and checklist items. */
  correct: FulfilmentRunView | null;
  /** Opt-out, restriction and objection requests: the processing flag set per source. */
  processingFlag: FulfilmentRunView | null;
  /** Enabled sources that a new run would use, so the page can say when there are none. */
  enabledSources: { access: number; erasure: number };
  /** The order a new run would search the enabled sources in, and any that cannot be searched (before any run starts). */
  identityChain: { access: IdentityChain; erasure: IdentityChain };
  /** Processors told of the erasure (GDPR Art. 19), with their answers. */
  recipientsTold: RecipientTold[];
  /** The erasure to replay if a backup is restored before the last one holding the data expires. */
  erasureReplay: ErasureReplay | null;
};

/**
 * The request page's "Data from your systems" section: the latest run of each
 * kind with every source's progress or outcome. Counts, statuses and errors
 * only; the gathered rows are seen through the package preview.
 */
export async function getRequestFulfilment(
  db: Database,
  { actor, requestId }: { actor: StaffActor; requestId: string },
): Promise<RequestFulfilment> {
  assertCan(actor, 'requests.read');
  const startedBy = alias(staffMembers, 'started_by');
  const releasedBy = alias(staffMembers, 'released_by');
  const runs = await db
    .selectDistinctOn([fulfilmentRuns.kind], { run: fulfilmentRuns, startedByName: startedBy.name, releasedByName: releasedBy.name })
    .from(fulfilmentRuns)
    .leftJoin(startedBy, eq(startedBy.id, fulfilmentRuns.startedById))
    .leftJoin(releasedBy, eq(releasedBy.id, fulfilmentRuns.releasedById))
    .where(eq(fulfilmentRuns.requestId, requestId))
    .orderBy(fulfilmentRuns.kind, desc(fulfilmentRuns.createdAt));

  const confirmedBy = alias(staffMembers, 'confirmed_by');
  const [results, [enabled], enabledSources, recipientsTold, erasureReplay] = await Promise.all([
    runs.length === 0
      ? []
      : db
          .select({ result: fulfilmentSourceResults, config: dataSources.config, confirmedByName: confirmedBy.name })
          .from(fulfilmentSourceResults)
          .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
          .leftJoin(confirmedBy, eq(confirmedBy.id, fulfilmentSourceResults.confirmedById))
          .where(
            inArray(
              fulfilmentSourceResults.runId,
              runs.map(({ run }) => run.id),
            ),
          )
          .orderBy(asc(fulfilmentSourceResults.sourceName)),
    db
      .select({
        access: sql<number>`count(*) filter (where ${dataSources.usedForAccess})`.mapWith(Number),
        erasure: sql<number>`count(*) filter (where ${dataSources.usedForErasure})`.mapWith(Number),
      })
      .from(dataSources)
      .where(eq(dataSources.isEnabled, true)),
    db
      .select({
        id: dataSources.id,
        name: dataSources.name,
        config: dataSources.config,
        usedForAccess: dataSources.usedForAccess,
        usedForErasure: dataSources.usedForErasure,
      })
      .from(dataSources)
      .where(eq(dataSources.isEnabled, true))
      .orderBy(asc(dataSources.name)),
    listRecipientsTold(db, { requestId }),
    findErasureReplay(db, { requestId }),
  ]);

  const view = (kind: FulfilmentRunRow['kind']): FulfilmentRunView | null => {
    const found = runs.find(({ run }) => run.kind === kind);
    if (!found) return null;
    const { run } = found;
    return {
      id: run.id,
      kind: run.kind,
      status: run.status,
      error: run.error,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      releasedAt: run.releasedAt,
      startedByName: found.startedByName,
      releasedByName: found.releasedByName,
      package:
        run.packageStorageKey && !run.packageDeletedAt && run.packageSizeBytes !== null && run.packageSha256
          ? { sizeBytes: run.packageSizeBytes, sha256: run.packageSha256 }
          : null,
      results: results
        .filter(({ result }) => result.runId === run.id)
        .map(({ result, config, confirmedByName }) => resultView(result, config, confirmedByName)),
    };
  };
  return {
    gather: view('gather'),
    dryRun: view('dry_run'),
    erase: view('erase'),
    correct: view('correct'),
    // A request's type allows one kind of processing-flag run (processingFlagRunOf), so at most one of these exists.
    processingFlag: view('opt_out') ?? view('restrict') ?? view('object'),
    enabledSources: { access: enabled?.access ?? 0, erasure: enabled?.erasure ?? 0 },
    identityChain: {
      access: planIdentityChain(enabledSources.filter((source) => source.usedForAccess)),
      erasure: planIdentityChain(enabledSources.filter((source) => source.usedForErasure)),
    },
    recipientsTold,
    erasureReplay,
  };
}

function resultView(result: FulfilmentSourceResultRow, config: unknown, confirmedByName: string | null): FulfilmentResultView {
  const parsed = ZDataSourceConfig.safeParse(config);
  const sourceConfig = parsed.success ? parsed.data : null;
  const erasureActions = new Map<string, TableErasureAction>(
    sourceConfig && 'map' in sourceConfig ? sourceConfig.map.tables.map((table) => [tableLabel(table), table.erase]) : [],
  );
  return {
    id: result.id,
    sourceId: result.sourceId,
    sourceName: result.sourceName,
    sourceKind: result.sourceKind,
    status: result.status,
    rowCounts: result.rowCounts,
    rowsDone: result.rowsDone,
    error: result.error,
    attempts: result.attempts,
    note: result.note,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    proof: result.proof,
    confirmedByName,
    instructions: sourceConfig?.kind === 'manual' ? sourceConfig.instructions : null,
    tables: orderSourceTables(result.rowCounts, config).map(([name, rows]) => ({ name, rows, erasure: erasureActions.get(name) ?? null })),
  };
}
