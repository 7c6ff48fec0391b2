import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { payloadProps, listOutboundEmails } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { appealRequest } from './appeal-request';
import { decideAppeal } from './decide-appeal';
import { fulfilRequest } from './fulfil-request';
import { rejectRequest } from './reject-request';

const db = useTestDatabase();

async function refusedVirginiaRequest(refuser: StaffActor, refusedAt = new Date('2026-03-10T10:00:00Z')) {
  const verified = await createVerifiedRequest(db, {
    jurisdiction: 'us_va_vcdpa',
    type: 'deletion',
    now: new Date('2026-03-02T10:00:00Z'),
  });
  await rejectRequest(db, {
    actor: refuser,
    reference: verified.reference,
    version: verified.request.version,
    basis: 'legal_exemption',
    message: 'We must keep these records for tax law.',
    now: refusedAt,
  });
  return verified;
}

async function appealOf(requestId: string) {
  const [appeal] = await db.select().from(requests).where(eq(requests.appealOfId, requestId));
  return appeal!;
}

describe('[requester] appeals a refusal under a US state law', () => {
  let refuser: StaffActor;
  let colleague: StaffActor;
  let admin: StaffActor;
  beforeAll(async () => {
    refuser = await createStaffMember(db, { role: 'agent', name: 'Refusing Agent' });
    colleague = await createStaffMember(db, { role: 'agent', name: 'Second Agent' });
    admin = await createStaffMember(db, { role: 'admin', name: 'Admin Override' });
  });

  it('the refusal email says until when to appeal; the appeal is its own linked request with the 60-day appeal deadline', async () => {
    const { request, statusToken } = await refusedVirginiaRequest(refuser);
    const rejection = (await listOutboundEmails(db, { requestId: request.id })).find((row) => row.template === 'request-rejected')!;
    expect(payloadProps(rejection)).toMatchObject({ appealUntil: '2026-05-09' });

    const { reference, dueOn } = await appealRequest(db, {
      token: statusToken,
      reason: 'I closed my account; you have no reason to keep it.',
      ip: null,
      now: new Date('2026-03-20T10:00:00Z'),
    });
    expect(dueOn).toBe('2026-05-19');
    const appeal = await appealOf(request.id);
    expect(appeal).toMatchObject({
      reference,
      status: 'new',
      type: 'deletion',
      dueOn: '2026-05-19',
      details: 'I closed my account; you have no reason to keep it.',
    });
    expect(appeal.policy).toMatchObject({ appeal: null, extension: null, deadline: { unit: 'days', amount: 60 } });
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'appealed',
      details: { appealReference: reference },
    });
    expect((await listOutboundEmails(db, { requestId: appeal.id })).map((row) => row.template)).toEqual(['acknowledgement']);

    const again = await refusal(
      appealRequest(db, { token: statusToken, reason: 'Again.', ip: null, now: new Date('2026-03-21T10:00:00Z') }),
    );
    expect(again.code).toBe('INVALID_TRANSITION');
  });

  it('an appeal after the window is refused on the reason field; a request refused under GDPR cannot be appealed', async () => {
    const { request, statusToken } = await refusedVirginiaRequest(refuser);
    const late = await refusal(appealRequest(db, { token: statusToken, reason: 'Late.', ip: null, now: new Date('2026-05-10T10:00:00Z') }));
    expect(late).toMatchObject({ code: 'VALIDATION', details: { field: 'reason' }, message: 'The time to appeal ended on 2026-05-09.' });
    expect(await db.select().from(requests).where(eq(requests.appealOfId, request.id))).toEqual([]);

    const gdpr = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr' });
    await rejectRequest(db, { actor: refuser, reference: gdpr.reference, version: gdpr.request.version, basis: 'duplicate' });
    expect((await refusal(appealRequest(db, { token: gdpr.statusToken, reason: 'Why?', ip: null }))).code).toBe('INVALID_TRANSITION');
  });

  it('the agent who refused cannot decide the appeal; a colleague grants it and the refused request reopens', async () => {
    const { request, statusToken } = await refusedVirginiaRequest(refuser);
    await appealRequest(db, { token: statusToken, reason: 'Please look again.', ip: null, now: new Date('2026-03-20T10:00:00Z') });
    const appeal = await appealOf(request.id);

    const own = await refusal(
      decideAppeal(db, { actor: refuser, reference: appeal.reference!, version: appeal.version, outcome: 'denied', message: 'No.' }),
    );
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: 'You refused this request, so a colleague must decide its appeal.' });
    expect(
      (
        await refusal(
          fulfilRequest(db, { actor: colleague, reference: appeal.reference!, version: appeal.version, message: 'Done', files: [] }),
        )
      ).message,
    ).toBe('This is an appeal: grant or deny it instead.');

    await decideAppeal(db, {
      actor: colleague,
      reference: appeal.reference!,
      version: appeal.version,
      outcome: 'granted',
      message: 'You are right: the tax period has ended. We will delete your data.',
      now: new Date('2026-03-25T10:00:00Z'),
    });
    expect(await getRequest(db, { id: appeal.id })).toMatchObject({ status: 'fulfilled' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      rejectionBasis: null,
      dueOn: '2026-05-19',
      assigneeId: colleague.staffId,
    });
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'reopened_on_appeal',
      actorId: colleague.staffId,
    });
    const decided = (await listOutboundEmails(db, { requestId: appeal.id })).find((row) => row.template === 'appeal-decided')!;
    expect(payloadProps(decided)).toMatchObject({ outcome: 'granted', appealedReference: request.reference, regulatorContact: null });
  });

  it('a denial names the attorney general; an admin may decide their own refusal’s appeal only with a reason', async () => {
    const { request, statusToken } = await refusedVirginiaRequest(admin);
    await appealRequest(db, { token: statusToken, reason: 'Please look again.', ip: null, now: new Date('2026-03-20T10:00:00Z') });
    const appeal = await appealOf(request.id);

    const withoutReason = await refusal(
      decideAppeal(db, {
        actor: admin,
        reference: appeal.reference!,
        version: appeal.version,
        outcome: 'denied',
        message: 'The exemption stands.',
      }),
    );
    expect(withoutReason).toMatchObject({ code: 'FORBIDDEN', details: { field: 'overrideReason' } });
    await decideAppeal(db, {
      actor: admin,
      reference: appeal.reference!,
      version: appeal.version,
      outcome: 'denied',
      message: 'The exemption stands.',
      overrideReason: 'Only admin on duty this week.',
    });

    expect(await getRequest(db, { id: appeal.id })).toMatchObject({ status: 'rejected', responseMessage: 'The exemption stands.' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'rejected' });
    expect((await listEvents(db, { requestId: appeal.id })).pop()).toMatchObject({
      action: 'appeal_denied',
      details: { separationOverriddenBecause: 'Only admin on duty this week.' },
    });
    const decided = (await listOutboundEmails(db, { requestId: appeal.id })).find((row) => row.template === 'appeal-decided')!;
    expect(payloadProps(decided)).toMatchObject({
      outcome: 'denied',
      regulatorContact: expect.stringContaining('Attorney General of Virginia'),
    });
  });
});
