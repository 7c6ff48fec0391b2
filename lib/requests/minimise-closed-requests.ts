import { and, asc, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import {
  fulfilmentRuns,
  fulfilmentSourceResults,
  outboundEmails,
  requestAttachments,
  requestNotes,
  requests,
  requestTokens,
  contestStatements,
  correctionAttachments,
} from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { closedWithPersonalDataStatuses } from '@/lib/requests/request-status';
import { deleteStagedRun } from '@/lib/fulfilment/staging/delete-staged-files';
import { deleteAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { deleteEvidenceFile } from '@/lib/verification/evidence-file';

/** Small enough that a batch's transaction (and the audit chain's lock it holds) stays short. */
const BATCH_SIZE = 250;
const DAY_MS = 24 * 60 * 60 * 1000;

type Cursor = { closedAt: string; id: string };
type FilesToRemove = { storageKeys: string[]; evidenceKeys: string[]; runIds: string[] };

/**
 * The daily retention job: a request closed longer ago than the organisation's
 * `personalDataRetentionDays` loses the requester's personal data (GDPR Art. 5(1)(c)
 * and (e)). It keeps what accountability needs: reference, type, dates, the keyed
 * email hash, status, rejection basis, the audit trail and the fulfilment runs with
 * each source's outcome. `purgedAt` marks it done, so a second run skips it.
 *
 * Walks the partial index requests_awaiting_minimisation in keyset order, a batch
 * per transaction, so a million closed requests cost a bounded amount of work per
 * batch and the index only holds requests not yet minimised. SKIP LOCKED leaves a
 * request an agent is changing right now for the next run. Files are marked in the
 * transaction and removed after it commits, as delete-expired-attachments does: a
 * crash in between leaves an orphan file, never a record pointing at a missing one.
 */
export async function minimiseClosedRequests(
  db: Database,
  { now, batchSize = BATCH_SIZE }: { now: Date; batchSize?: number },
): Promise<number> {
  const { personalDataRetentionDays } = await getOrganisationSettings(db);
  const closedBefore = new Date(now.getTime() - personalDataRetentionDays * DAY_MS);
  let cursor: Cursor | null = null;
  let total = 0;
  for (;;) {
    const batch: { ids: string[]; last: Cursor | null; files: FilesToRemove } = await db.transaction(async (tx) => {
      const due = await selectDueRequests(tx, { closedBefore, cursor, limit: batchSize });
      const ids = due.map((row) => row.id);
      if (ids.length === 0) return { ids, last: null, files: { storageKeys: [], evidenceKeys: [], runIds: [] } };
      const files = await minimiseBatch(tx, { ids, now, retentionDays: personalDataRetentionDays });
      return { ids, last: due[due.length - 1]!, files };
    });
    await removeFiles(batch.files);
    total += batch.ids.length;
    if (batch.ids.length < batchSize || !batch.last) return total;
    cursor = batch.last;
  }
}

/** The next batch due, locked; rows an agent holds are skipped (SKIP LOCKED) and left for the next run. */
export function selectDueRequests(
  tx: Transaction,
  { closedBefore, cursor, limit }: { closedBefore: Date; cursor: Cursor | null; limit: number },
) {
  return tx
    .select({ id: requests.id, closedAt: sql<string>`${requests.closedAt}::text` })
    .from(requests)
    .where(
      and(
        // The index's predicate, written out so the planner matches it.
        isNull(requests.purgedAt),
        isNotNull(requests.closedAt),
        lt(requests.closedAt, closedBefore),
        inArray(requests.status, [...closedWithPersonalDataStatuses]),
        cursor ? sql`(${requests.closedAt}, ${requests.id}) > (${cursor.closedAt}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(requests.closedAt), asc(requests.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

async function minimiseBatch(
  tx: Transaction,
  { ids, now, retentionDays }: { ids: string[]; now: Date; retentionDays: number },
): Promise<FilesToRemove> {
  await tx
    .update(requests)
    .set({
      email: null,
      fullName: null,
      accountIdentifier: null,
      agentName: null,
      agentEmail: null,
      agentOrganisation: null,
      declarationName: null,
      details: null,
      correctionFields: null,
      responseMessage: null,
      identityCheck: null,
      intakeChannelDetail: null,
      lastError: null,
      purgedAt: now,
      updatedAt: now,
      version: sql`${requests.version} + 1`,
    })
    .where(inArray(requests.id, ids));

  const notes = await tx.delete(requestNotes).where(inArray(requestNotes.requestId, ids)).returning({ requestId: requestNotes.requestId });
  // A statement contesting declined corrections is the requester's words: it goes with the rest of their personal data.
  await tx.delete(contestStatements).where(inArray(contestStatements.requestId, ids));
  // Status links stop working: there is nothing left behind them but the dates.
  await tx
    .update(requestTokens)
    .set({ revokedAt: now })
    .where(and(inArray(requestTokens.requestId, ids), isNull(requestTokens.revokedAt)));
  // Delivered mail is already scrubbed; mail never delivered still holds the address and a link.
  await tx
    .update(outboundEmails)
    .set({
      recipient: null,
      payload: null,
      status: sql`case when ${outboundEmails.status} = 'pending' then 'failed'::email_status else ${outboundEmails.status} end`,
      lastError: sql`case when ${outboundEmails.status} = 'pending' then 'personal data removed after the retention period' else ${outboundEmails.lastError} end`,
    })
    .where(and(inArray(outboundEmails.requestId, ids), or(isNotNull(outboundEmails.recipient), isNotNull(outboundEmails.payload))));

  const attachments = await tx
    .update(requestAttachments)
    .set({ deletedAt: now })
    .where(and(inArray(requestAttachments.requestId, ids), isNull(requestAttachments.deletedAt)))
    .returning({ requestId: requestAttachments.requestId, storageKey: requestAttachments.storageKey });
  // A correction's proof documents are the requester's too (encrypted like identity documents).
  const proofs = await tx
    .update(correctionAttachments)
    .set({ deletedAt: now })
    .where(and(inArray(correctionAttachments.requestId, ids), isNull(correctionAttachments.deletedAt)))
    .returning({ requestId: correctionAttachments.requestId, storageKey: correctionAttachments.storageKey });
  const runs = await tx.select({ id: fulfilmentRuns.id }).from(fulfilmentRuns).where(inArray(fulfilmentRuns.requestId, ids));
  const runIds = runs.map((run) => run.id);
  // Packages gathered but never released (a released one is also an attachment, removed above).
  const packages =
    runIds.length > 0
      ? await tx
          .update(fulfilmentRuns)
          .set({ packageDeletedAt: now })
          .where(
            and(inArray(fulfilmentRuns.id, runIds), isNotNull(fulfilmentRuns.packageStorageKey), isNull(fulfilmentRuns.packageDeletedAt)),
          )
          .returning({ requestId: fulfilmentRuns.requestId, storageKey: fulfilmentRuns.packageStorageKey })
      : [];
  if (runIds.length > 0) {
    await tx
      .update(fulfilmentSourceResults)
      .set({ stagedStorageKey: null })
      .where(and(inArray(fulfilmentSourceResults.runId, runIds), isNotNull(fulfilmentSourceResults.stagedStorageKey)));
    // The customer numbers and the like that linked the person across sources are theirs too.
    await tx
      .update(fulfilmentSourceResults)
      .set({ identities: null })
      .where(and(inArray(fulfilmentSourceResults.runId, runIds), isNotNull(fulfilmentSourceResults.identities)));
  }

  const countBy = (rows: { requestId: string }[], id: string) => rows.filter((row) => row.requestId === id).length;
  for (const id of ids) {
    await recordEvent(tx, {
      requestId: id,
      actor: { type: 'system' },
      action: 'personal_data_minimised',
      details: {
        retentionDays,
        notesDeleted: countBy(notes, id),
        filesDeleted: countBy(attachments, id),
        correctionDocumentsDeleted: countBy(proofs, id),
        packagesDeleted: countBy(packages, id),
      },
    });
  }
  return {
    storageKeys: [
      ...new Set([...attachments.map((row) => row.storageKey), ...packages.flatMap((row) => (row.storageKey ? [row.storageKey] : []))]),
    ],
    evidenceKeys: proofs.map((row) => row.storageKey),
    runIds,
  };
}

async function removeFiles({ storageKeys, evidenceKeys, runIds }: FilesToRemove): Promise<void> {
  for (const storageKey of storageKeys) await deleteAttachmentFile(storageKey);
  for (const storageKey of evidenceKeys) await deleteEvidenceFile(storageKey);
  for (const runId of runIds) await deleteStagedRun(runId);
}
