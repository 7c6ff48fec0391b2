import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contestStatements } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { CONTEST_STATEMENT_MESSAGES, ZContestStatement } from '@/lib/validation/contest-statement';
import { aSubmission } from '@/test/support/fixtures';
import { getRequest, listEvents, submitVerifiedRequest } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { addContestStatement } from './add-contest-statement';
import { getRequestDetail } from './get-request-detail';
import { getRequestStatus } from './get-request-status';
import { minimiseClosedRequests } from './minimise-closed-requests';
import { rejectRequest } from './reject-request';

const db = useTestDatabase();
let agent: StaffActor;

beforeAll(async () => {
  agent = await createStaffMember(db, { role: 'agent', name: 'Declining Agent' });
});

async function declinedCorrection() {
  const submitted = await submitVerifiedRequest(db, {
    input: aSubmission({ type: 'correction', jurisdiction: 'us_ca_ccpa', details: 'My birth year is 1990, not 1909.' }),
  });
  await rejectRequest(db, {
    actor: agent,
    reference: submitted.reference,
    version: submitted.request.version,
    basis: 'legal_exemption',
    message: 'Our records match the document you showed us.',
  });
  return submitted;
}

const statement = 'I was born in 1990. The document you saw was my grandfather’s, who has the same name.';

describe('[requester] contests data we declined to correct with a statement of up to 250 words (11 CCR §7023(f))', () => {
  it('is offered on the status page after a declined correction, kept once, shown to them and to staff, and audited without the words', async () => {
    const { request, reference, statusToken } = await declinedCorrection();
    expect((await getRequestStatus(db, { token: statusToken }))?.contestStatement).toEqual({ statement: null, canAdd: true });

    const sentAt = new Date();
    await addContestStatement(db, { token: statusToken, statement, ip: '203.0.113.9', now: sentAt });

    expect((await getRequestStatus(db, { token: statusToken }))?.contestStatement).toEqual({
      statement: { body: statement, createdAt: sentAt },
      canAdd: false,
    });
    expect((await getRequestDetail(db, { actor: agent, reference })).contestStatement).toEqual({ body: statement, createdAt: sentAt });
    const [event] = (await listEvents(db, { requestId: request.id })).filter((candidate) => candidate.action === 'contest_statement_added');
    expect(event).toMatchObject({ actorType: 'requester', isVisibleToRequester: true, details: { words: 17 } });
    expect(JSON.stringify(event!.details)).not.toContain('grandfather');

    // A second submit (a double click, a second tab) keeps the first statement.
    await expect(addContestStatement(db, { token: statusToken, statement: 'Another text.', ip: null })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await db.select().from(contestStatements).where(eq(contestStatements.requestId, request.id))).toHaveLength(1);
  });

  it('is refused for a correction still open, and for other kinds of request', async () => {
    const open = await submitVerifiedRequest(db, { input: aSubmission({ type: 'correction', jurisdiction: 'us_ca_ccpa' }) });
    await expect(addContestStatement(db, { token: open.statusToken, statement, ip: null })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect((await getRequestStatus(db, { token: open.statusToken }))?.contestStatement).toBeNull();
    await expect(addContestStatement(db, { token: 'not-a-token', statement, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts words, not characters: 250 words pass, 251 are refused with the field message', () => {
    expect(ZContestStatement.safeParse({ statement: Array(250).fill('word').join(' ') }).success).toBe(true);
    const tooMany = ZContestStatement.safeParse({ statement: Array(251).fill('word').join('\n') });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toBe(CONTEST_STATEMENT_MESSAGES.tooManyWords);
    expect(ZContestStatement.safeParse({ statement: '   ' }).error?.issues[0]?.message).toBe(CONTEST_STATEMENT_MESSAGES.required);
  });

  it('goes with the request’s personal data when the request is minimised after the retention period', async () => {
    const { request, statusToken } = await declinedCorrection();
    await addContestStatement(db, { token: statusToken, statement, ip: null });
    const closedAt = (await getRequest(db, { id: request.id })).closedAt!;
    const afterRetention = new Date(closedAt.getTime() + 5 * 365 * 24 * 60 * 60 * 1000);
    await minimiseClosedRequests(db, { now: afterRetention });
    expect(await db.select().from(contestStatements).where(eq(contestStatements.requestId, request.id))).toEqual([]);
    expect((await getRequest(db, { id: request.id })).purgedAt).not.toBeNull();
  });
});
