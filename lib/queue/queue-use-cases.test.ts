import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { aSubmission } from '@/test/support/fixtures';
import { getRequest, listEvents, submitVerifiedRequest } from '@/test/support/requests';
import { parkUnassignedOpenRequests } from '@/test/support/queue';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { applyBulkAction } from './apply-bulk-action';
import { claimNextRequest } from './claim-next-request';
import { listQueue, QUEUE_PAGE_SIZE } from './list-queue';

const db = useTestDatabase();

// Received long ago, so these requests are more urgent than any other request of this file.
const longAgo = (day: number) => new Date(Date.UTC(2001, 0, day, 12));

describe('the staff queue', () => {
  it('[agent] claims the most urgent unassigned request, and a second claim takes the next one', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    await parkUnassignedOpenRequests(db);
    const later = await submitVerifiedRequest(db, { input: aSubmission({ jurisdiction: 'uk_gdpr' }), now: longAgo(1) });
    const sooner = await submitVerifiedRequest(db, { input: aSubmission({ jurisdiction: 'br_lgpd' }), now: longAgo(1) });

    expect(await claimNextRequest(db, { actor: agent })).toBe(sooner.reference);
    expect(await claimNextRequest(db, { actor: agent })).toBe(later.reference);
    expect((await getRequest(db, { id: sooner.request.id })).assigneeId).toBe(agent.staffId);
    expect((await listEvents(db, { requestId: sooner.request.id })).map((event) => event.action)).toContain('claimed');
  });

  it('[auditor] reads the queue but is refused claim next and bulk actions on the server', async () => {
    const auditor = await createStaffMember(db, { role: 'auditor' });
    const seeded = await submitVerifiedRequest(db, { input: aSubmission(), now: longAgo(2) });

    const page = await listQueue(db, { actor: auditor, filters: ZQueueFilters.parse({ q: seeded.reference }) });
    expect(page.rows.map((row) => row.reference)).toEqual([seeded.reference]);

    expect((await refusal(claimNextRequest(db, { actor: auditor }))).code).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          applyBulkAction(db, { actor: auditor, references: [seeded.reference], bulk: { action: 'reject_spam', isConfirmed: true } }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await getRequest(db, { id: seeded.request.id })).status).toBe('new');
  });

  it('[agent] bulk-rejects a selection and learns which requests failed and why', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const open = await submitVerifiedRequest(db, { input: aSubmission(), now: longAgo(3) });
    const alreadyRejected = await submitVerifiedRequest(db, { input: aSubmission(), now: longAgo(3) });
    await applyBulkAction(db, {
      actor: agent,
      references: [alreadyRejected.reference],
      bulk: { action: 'reject_spam', isConfirmed: true },
    });

    const results = await applyBulkAction(db, {
      actor: agent,
      references: [open.reference, alreadyRejected.reference, 'DSR-2001-999999'],
      bulk: { action: 'reject_duplicate', message: 'You sent this twice.', isConfirmed: true },
    });

    expect(results.map(({ reference, isDone }) => [reference, isDone])).toEqual([
      [open.reference, true],
      [alreadyRejected.reference, false],
      ['DSR-2001-999999', false],
    ]);
    expect(results[1]!.error).toBeTruthy();
    const rejected = await getRequest(db, { id: open.request.id });
    expect([rejected.status, rejected.rejectionBasis, rejected.responseMessage]).toEqual(['rejected', 'duplicate', 'You sent this twice.']);
  });

  it('finds a request by its requester email, whatever its case', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const seeded = await submitVerifiedRequest(db, { input: aSubmission(), now: longAgo(4) });
    const byEmail = await listQueue(db, { actor: agent, filters: ZQueueFilters.parse({ q: seeded.input.email.toUpperCase() }) });
    expect(byEmail.rows.map((row) => row.reference)).toEqual([seeded.reference]);

    expect(byEmail.hasAnyRequests).toBe(true);
  });

  it('pages by (due date, id) cursor through rows sharing a due date, without repeating or skipping one', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const batch = String(randomInt(100_000, 1_000_000));
    const inserted = await db
      .insert(requests)
      .values(
        Array.from({ length: 2 * QUEUE_PAGE_SIZE + 7 }, (_, index) => ({
          reference: `DSR-2001-${batch}${String(index).padStart(3, '0')}`,
          type: 'access' as const,
          status: 'in_progress' as const,
          channel: 'staff' as const,
          jurisdiction: 'other',
          emailHash: `test-${batch}-${index}`,
          receivedOn: '2001-05-01',
          dueOn: index % 2 ? '2001-06-01' : '2001-06-02',
          assigneeId: agent.staffId,
        })),
      )
      .returning({ id: requests.id });

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listQueue(db, { actor: agent, filters: ZQueueFilters.parse({ assignee: 'me', after }) });
      seen.push(...page.rows.map((row) => row.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after);

    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(inserted.map((row) => row.id)));
  });
});
