'use server';

import { getDb } from '@/lib/database';
import { addNote } from '@/lib/requests/add-note';
import { assignRequest } from '@/lib/requests/assign-request';
import { extendDeadline } from '@/lib/requests/extend-deadline';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { rejectRequest } from '@/lib/requests/reject-request';
import { decideAppeal } from '@/lib/requests/decide-appeal';
import { requestInformation } from '@/lib/requests/request-information';
import { retryRequestEmails } from '@/lib/requests/retry-request-emails';
import { startWork } from '@/lib/requests/start-work';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZDecideAppeal } from '@/lib/validation/staff-actions';
import {
  ZAddNote,
  ZAssignRequest,
  ZExtendDeadline,
  ZFulfilRequest,
  ZRejectRequestForm,
  ZRequestInformation,
  ZRetryRequestEmails,
  ZStartWork,
} from '@/lib/validation/staff-actions';
import { type ActionState, runAction } from '../../action-state';
import { afterSuccess } from './after-success';

/*
 * Every action here re-reads the signed-in staff member and hands them to the use
 * case, which checks the role: a hidden field or a hidden button is never the check.
 */

export async function startWorkAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZStartWork, formData, async ({ reference, version }) => {
    await startWork(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'started');
}

export async function requestInformationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZRequestInformation, formData, async ({ reference, version, message, pauseKind }) => {
    await requestInformation(getDb(), { actor: await requireStaff(), reference, version, message, pauseKind });
  });
  return afterSuccess(state, formData, 'information_requested');
}

export async function extendDeadlineAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZExtendDeadline, formData, async ({ reference, version, reason, dueOn }) => {
    await extendDeadline(getDb(), { actor: await requireStaff(), reference, version, reason, dueOn });
  });
  return afterSuccess(state, formData, 'extended');
}

export async function fulfilRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const files = formData.getAll('files').filter((value): value is File => value instanceof File);
  const state = await runAction(ZFulfilRequest, formData, async ({ reference, version, message }) => {
    await fulfilRequest(getDb(), { actor: await requireStaff(), reference, version, message, files });
  });
  return afterSuccess(state, formData, 'fulfilled');
}

export async function rejectRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // ZRejectRequestForm requires the confirmation tick: rejecting closes the request and emails the requester.
  const state = await runAction(ZRejectRequestForm, formData, async ({ reference, version, basis, message }) => {
    await rejectRequest(getDb(), { actor: await requireStaff(), reference, version, basis, message });
  });
  return afterSuccess(state, formData, 'rejected');
}

export async function decideAppealAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZDecideAppeal, formData, async ({ reference, version, outcome, message, overrideReason }) => {
    await decideAppeal(getDb(), { actor: await requireStaff(), reference, version, outcome, message, overrideReason });
  });
  return afterSuccess(state, formData, 'appeal_decided');
}

export async function assignRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZAssignRequest, formData, async ({ reference, version, assigneeId }) => {
    await assignRequest(getDb(), { actor: await requireStaff(), reference, version, assigneeId });
  });
  return afterSuccess(state, formData, 'assigned');
}

export async function addNoteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZAddNote, formData, async ({ reference, body }) => {
    await addNote(getDb(), { actor: await requireStaff(), reference, body });
  });
  return afterSuccess(state, formData, 'note_added');
}

export async function retryRequestEmailsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZRetryRequestEmails, formData, async ({ reference }) => {
    await retryRequestEmails(getDb(), { actor: await requireStaff(), reference });
  });
  return afterSuccess(state, formData, 'retried');
}
