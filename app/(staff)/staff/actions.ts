'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { applyBulkAction, type BulkResult } from '@/lib/queue/apply-bulk-action';
import { claimNextRequest } from '@/lib/queue/claim-next-request';
import { type BulkRejectionPreview, previewBulkRejection } from '@/lib/queue/preview-bulk-rejection';
import { retryRequestEmails } from '@/lib/requests/retry-request-emails';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZClaimNextRequest, ZDeleteQueueView, ZRetryRequestEmails, ZSaveQueueView } from '@/lib/validation/queue-actions';
import { deleteQueueView } from '@/lib/queue/delete-queue-view';
import { saveQueueView } from '@/lib/queue/save-queue-view';
import { ZBulkAction } from '@/lib/validation/staff-actions';
import { type ActionState, formValues, runAction } from './action-state';

export type ClaimState = ActionState;

/** Claims the most urgent unassigned request and opens it; says so when every open request has an owner. */
export async function claimNextAction(_previous: ClaimState, formData: FormData): Promise<ClaimState> {
  const claimed: { reference?: string } = {};
  const state = await runAction(ZClaimNextRequest, formData, async () => {
    claimed.reference = (await claimNextRequest(getDb(), { actor: await requireStaff() })) ?? undefined;
    if (!claimed.reference) return 'Nothing to claim: every open request has an owner.';
  });
  // redirect() outside runAction: it works by throwing, and the claim is already committed here.
  if (claimed.reference) redirect(`/staff/requests/${claimed.reference}?done=claimed`);
  return state;
}

export type RetryState = ActionState;

/** Re-sends the undelivered emails of a flagged request and clears its flag. */
export async function retryRequestEmailsAction(_previous: RetryState, formData: FormData): Promise<RetryState> {
  const state = await runAction(ZRetryRequestEmails, formData, async ({ reference }) => {
    const count = await retryRequestEmails(getDb(), { actor: await requireStaff(), reference });
    return count === 0
      ? `${reference}: no email was waiting; the flag is cleared.`
      : `${reference}: ${count === 1 ? '1 email' : `${count} emails`} sent again.`;
  });
  if (state.notice) revalidatePath('/staff');
  return state;
}

export type BulkState = ActionState & { results?: BulkResult[]; preview?: BulkRejectionPreview[] };

/**
 * The selected references arrive as repeated `references` fields, which
 * runAction's one-value-per-name reading would collapse, so this parses them itself.
 * A rejection takes two steps: the first answers with what would happen and to whom
 * (the preview), and only a post with the confirmation tick rejects.
 */
export async function bulkAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const values = formValues(formData);
  const isAssign = values.action === 'assign';
  const parsed = ZBulkAction.safeParse({
    references: formData.getAll('references').filter((value) => typeof value === 'string'),
    action: values.action,
    assigneeId: isAssign ? (values.assigneeId ?? '') : undefined,
    message: isAssign ? undefined : values.message,
    isConfirmed: isAssign ? undefined : values.isConfirmed,
    includeIdentityChecked: isAssign ? undefined : values.includeIdentityChecked,
  });
  if (!parsed.success) {
    return {
      formError: 'Please correct the problems below.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values,
    };
  }
  try {
    const { references, action, assigneeId, message, isConfirmed, includeIdentityChecked } = parsed.data;
    const actor = await requireStaff();
    if (action !== 'assign' && isConfirmed !== 'yes') {
      return { preview: await previewBulkRejection(getDb(), { actor, references }), values };
    }
    const results = await applyBulkAction(getDb(), {
      actor,
      references,
      bulk:
        action === 'assign'
          ? { action, assigneeId: assigneeId ?? null }
          : { action, message, isConfirmed: true, includeIdentityChecked: includeIdentityChecked === 'yes' },
    });
    revalidatePath('/staff');
    const done = results.filter((result) => result.isDone).length;
    return { notice: `${done} of ${results.length} ${results.length === 1 ? 'request' : 'requests'} done.`, results };
  } catch (error) {
    if (isAppError(error)) return { formError: error.message, values };
    throw error;
  }
}

export type QueueViewState = ActionState;

/** Saves the queue's current filters and sort under a name, for the signed-in staff member only. */
export async function saveQueueViewAction(_previous: QueueViewState, formData: FormData): Promise<QueueViewState> {
  const state = await runAction(ZSaveQueueView, formData, async ({ name, query }) => {
    await saveQueueView(getDb(), { actor: await requireStaff(), name, query });
    return `Saved the view “${name}”.`;
  });
  if (state.notice) revalidatePath('/staff');
  return state;
}

export async function deleteQueueViewAction(_previous: QueueViewState, formData: FormData): Promise<QueueViewState> {
  const state = await runAction(ZDeleteQueueView, formData, async ({ id }) => {
    await deleteQueueView(getDb(), { actor: await requireStaff(), id });
    return 'View deleted.';
  });
  if (state.notice) revalidatePath('/staff');
  return state;
}
