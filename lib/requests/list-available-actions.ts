import type { DatabaseOrTransaction } from '@/db/client';
import type { RequestRow } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { checkErasure } from '@/lib/fulfilment/start-erasure';
import { actorCan, type UseCaseActor } from '@/lib/staff/staff-actor';
import { type ActionCheck, allowed, refused } from './action-check';
import { checkTransition } from './assert-transition';
import { checkClosing } from './check-closing';
import { checkExtension } from './check-extension';
import { isActive } from './request-status';
import { checkOfferingCopy } from './offer-copy-before-erasure';
import { checkIdentityForAnswer } from '@/lib/verification/verification-requirement';

export type AvailableActions = {
  /** Assign, add notes, run gathering: the actor works requests and this one is open and confirmed. */
  work: ActionCheck;
  startWork: ActionCheck;
  requestInformation: ActionCheck;
  /** With the latest day the deadline may move to (the legal maximum), when allowed. */
  extendDeadline: ActionCheck & { maxDueOn?: string };
  /** Close by hand with a message (and files): refused while an erasure runs or once a package is built (checkClosing). */
  fulfil: ActionCheck;
  /** Release a built package, which closes the request as fulfilled (the state machine's check). */
  release: ActionCheck;
  reject: ActionCheck;
  /** Deletion requests only (null otherwise). */
  erase: ActionCheck | null;
  /** Deletion requests only (null otherwise): offer the requester a copy of their data before it is erased. */
  offerCopy: ActionCheck | null;
};

/**
 * What this staff member may do to this request now, each answer computed by the
 * check its use case runs (the state machine, checkExtension, checkErasure), so
 * the page never offers a form the server then refuses.
 */
export async function listAvailableActions(
  db: DatabaseOrTransaction,
  { actor, request, now = new Date() }: { actor: UseCaseActor; request: RequestRow; now?: Date },
): Promise<AvailableActions> {
  if (!actorCan(actor, 'requests.work')) {
    const forbidden = refused('FORBIDDEN', 'Your role may read this request but not change it.');
    return {
      work: forbidden,
      startWork: forbidden,
      requestInformation: forbidden,
      extendDeadline: forbidden,
      fulfil: forbidden,
      release: forbidden,
      reject: forbidden,
      erase: request.type === 'deletion' ? forbidden : null,
      offerCopy: request.type === 'deletion' ? forbidden : null,
    };
  }
  const extension = checkExtension(request, toCalendarDate(now, env().TIME_ZONE));
  return {
    work: isActive(request.status) ? allowed : refused('INVALID_TRANSITION', 'Only an open, confirmed request can be worked.'),
    startWork: checkTransition(request.status, 'in_progress'),
    requestInformation: checkTransition(request.status, 'awaiting_requester'),
    extendDeadline: extension.isAllowed ? { ...allowed, maxDueOn: extension.dueOn } : extension,
    fulfil: both(await checkClosing(db, request, 'fulfilled'), checkIdentityForAnswer(request)),
    release: both(checkTransition(request.status, 'fulfilled'), checkIdentityForAnswer(request)),
    reject: await checkClosing(db, request, 'rejected'),
    erase: request.type === 'deletion' ? await checkErasure(db, request, now) : null,
    offerCopy: request.type === 'deletion' ? await checkOfferingCopy(db, request) : null,
  };
}

/** The first refusal of two checks, or allowed when both allow. */
function both(first: ActionCheck, second: ActionCheck): ActionCheck {
  return first.isAllowed ? second : first;
}
