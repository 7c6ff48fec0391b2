import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestRow } from '@/db/schema';
import { requests } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { answerInformationRequest } from './answer-information-request';
import { assertTransition } from './assert-transition';
import { cancelRequest } from './cancel-request';
import { extendDeadline } from './extend-deadline';
import { fulfilRequest } from './fulfil-request';
import { rejectRequest } from './reject-request';
import { requestInformation } from './request-information';
import { canTransition, type RequestStatus, requestStatuses, type SystemCause } from './request-status';
import { startWork } from './start-work';

const db = useTestDatabase();

// The allowed moves as the product owner wrote them, independent of the table in request-status.ts;
// every pair not listed here must be refused.
const allowedMoves = new Set([
  'unverified → new',
  'unverified → cancelled',
  'new → in_progress',
  'new → awaiting_requester',
  'new → fulfilled',
  'new → rejected',
  'new → cancelled',
  'in_progress → awaiting_requester',
  'in_progress → fulfilled',
  'in_progress → rejected',
  'in_progress → cancelled',
  'awaiting_requester → in_progress',
  'awaiting_requester → rejected',
  'awaiting_requester → cancelled',
]);

// Moves only the system makes, when something finishes: never by a person's action.
const systemMoves: Record<string, SystemCause> = {
  'unverified → expired': 'verification_expired',
  'awaiting_requester → fulfilled': 'erasure_completed',
};

const everyPair = requestStatuses.flatMap((from) =>
  requestStatuses.map((to) => ({ from, to, isAllowed: allowedMoves.has(`${from} → ${to}`), onlyWhen: systemMoves[`${from} → ${to}`] })),
);

describe('[system] the request state machine', () => {
  it.each(everyPair)('$from → $to allowed: $isAllowed, or only when $onlyWhen', ({ from, to, isAllowed, onlyWhen }) => {
    expect(canTransition(from, to)).toBe(isAllowed);
    if (isAllowed) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from, to } }));
    }
    for (const when of ['verification_expired', 'erasure_completed'] as const) {
      expect(canTransition(from, to, { when })).toBe(isAllowed || onlyWhen === when);
    }
  });
});

describe('[agent] an illegal transition through a use case', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent' });
  });

  /** A confirmed request forced into a status, as it would be after the steps that lead there. */
  async function requestIn(status: RequestStatus): Promise<{ row: RequestRow; reference: string; statusToken: string }> {
    const { request, reference, statusToken } = await createVerifiedRequest(db, { type: 'deletion' });
    const [row] = await db
      .update(requests)
      .set({ status, closedAt: ['fulfilled', 'rejected', 'cancelled'].includes(status) ? new Date() : null })
      .where(eq(requests.id, request.id))
      .returning();
    return { row: row!, reference, statusToken };
  }

  const illegalMoves: {
    name: string;
    from: RequestStatus;
    attempt: (r: { row: RequestRow; reference: string; statusToken: string }) => Promise<unknown>;
  }[] = [
    {
      name: 'starting work on a fulfilled request',
      from: 'fulfilled',
      attempt: ({ row, reference }) => startWork(db, { actor: agent, reference, version: row.version }),
    },
    {
      name: 'starting work on a request already in progress',
      from: 'in_progress',
      attempt: ({ row, reference }) => startWork(db, { actor: agent, reference, version: row.version }),
    },
    {
      name: 'asking a rejected request for information',
      from: 'rejected',
      attempt: ({ row, reference }) =>
        requestInformation(db, { actor: agent, reference, version: row.version, message: 'Proof of ID please' }),
    },
    {
      name: 'asking again while already waiting for the requester',
      from: 'awaiting_requester',
      attempt: ({ row, reference }) =>
        requestInformation(db, { actor: agent, reference, version: row.version, message: 'Proof of ID please' }),
    },
    {
      name: 'fulfilling a cancelled request',
      from: 'cancelled',
      attempt: ({ row, reference }) => fulfilRequest(db, { actor: agent, reference, version: row.version, message: 'Done', files: [] }),
    },
    {
      name: 'fulfilling a request waiting for the requester',
      from: 'awaiting_requester',
      attempt: ({ row, reference }) => fulfilRequest(db, { actor: agent, reference, version: row.version, message: 'Done', files: [] }),
    },
    {
      name: 'rejecting a fulfilled request',
      from: 'fulfilled',
      attempt: ({ row, reference }) => rejectRequest(db, { actor: agent, reference, version: row.version, basis: 'spam' }),
    },
    {
      name: 'extending a rejected request',
      from: 'rejected',
      attempt: ({ row, reference }) => extendDeadline(db, { actor: agent, reference, version: row.version, reason: 'More time' }),
    },
    {
      name: 'the requester answering when nothing was asked',
      from: 'in_progress',
      attempt: ({ statusToken }) => answerInformationRequest(db, { token: statusToken, message: 'Here you go', ip: null }),
    },
    {
      name: 'the requester cancelling a fulfilled request',
      from: 'fulfilled',
      attempt: ({ statusToken }) => cancelRequest(db, { token: statusToken, ip: null }),
    },
  ];

  it.each(illegalMoves)('$name is refused with a clear message and changes nothing', async ({ from, attempt }) => {
    const subject = await requestIn(from);
    const before = await snapshotRequest(db, { id: subject.row.id });

    const error = await refusal(attempt(subject));

    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/can no longer be changed|not waiting for a reply|Only an open, confirmed request/);
    expect(await snapshotRequest(db, { id: subject.row.id })).toEqual(before);
  });
});
