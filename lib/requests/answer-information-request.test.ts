import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import { listQueue } from '@/lib/queue/list-queue';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { addNote } from './add-note';
import { assignRequest } from './assign-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { getRequest } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { answerInformationRequest } from './answer-information-request';
import { getRequestDetail } from './get-request-detail';
import { getRequestStatus } from './get-request-status';
import { requestInformation } from './request-information';
import { listPausedIntervals } from './list-paused-intervals';
import { startWork } from './start-work';

const db = useTestDatabase();

describe('[agent] asks the requester for information (stop the clock)', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Asking Agent' });
  });

  it('where the policy allows pausing, the paused days are added to the due date when the requester answers', async () => {
    const { request, reference, statusToken, input } = await createVerifiedRequest(db, {
      jurisdiction: 'eu_gdpr',
      now: new Date('2026-03-15T10:00:00Z'),
    });
    expect(request.dueOn).toBe('2026-04-15');
    const askedAt = new Date('2026-03-20T11:00:00Z');

    await requestInformation(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'Please send a copy of a utility bill.',
      now: askedAt,
    });

    const waiting = await getRequest(db, { id: request.id });
    expect(waiting).toMatchObject({ status: 'awaiting_requester', assigneeId: agent.staffId, dueOn: '2026-04-15' });
    expect(waiting.clockStoppedAt?.getTime()).toBe(askedAt.getTime());
    const question = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(question).toMatchObject({ template: 'information-requested', recipient: input.email });
    expect(payloadProps(question)).toMatchObject({ message: 'Please send a copy of a utility bill.', isClockStopped: true });

    await answerInformationRequest(db, {
      token: statusToken,
      message: 'Attached my bill.',
      ip: '10.1.2.3',
      now: new Date('2026-03-30T09:00:00Z'),
    });

    const answered = await getRequest(db, { id: request.id });
    expect(answered).toMatchObject({
      status: 'in_progress',
      clockStoppedAt: null,
      pausedDays: 10,
      dueOn: '2026-04-25',
      originalDueOn: '2026-04-15',
      version: waiting.version + 1,
    });

    const detail = await getRequestDetail(db, { actor: agent, reference });
    expect(detail.events.map((event) => event.action)).toEqual(expect.arrayContaining(['information_requested', 'requester_replied']));
    expect(detail.events.find((event) => event.action === 'requester_replied')).toMatchObject({
      actorType: 'requester',
      details: { pausedDays: 10, dueOn: '2026-04-25', previousDueOn: '2026-04-15' },
    });
    expect(detail.events.find((event) => event.action === 'information_requested')).toMatchObject({
      actorName: 'Asking Agent',
      details: { isClockStopped: true },
    });
    expect(detail.notes).toEqual([expect.objectContaining({ body: 'Attached my bill.', isFromRequester: true })]);

    const status = await getRequestStatus(db, { token: statusToken });
    expect(status).toMatchObject({ status: 'in_progress', dueOn: '2026-04-25' });
    expect(status!.timeline.map((entry) => entry.action)).toEqual(expect.arrayContaining(['information_requested', 'requester_replied']));
  });

  it('where the policy does not allow pausing (CCPA), the due date stays', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db, {
      jurisdiction: 'us_ca_ccpa',
      now: new Date('2026-03-02T10:00:00Z'),
    });
    expect(request.dueOn).toBe('2026-04-16');

    await requestInformation(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'Which account is yours?',
      now: new Date('2026-03-05T10:00:00Z'),
    });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'awaiting_requester', clockStoppedAt: null });
    const question = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(payloadProps(question)).toMatchObject({ isClockStopped: false });

    await answerInformationRequest(db, { token: statusToken, message: 'customer-4711', ip: null, now: new Date('2026-03-25T10:00:00Z') });

    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'in_progress', pausedDays: 0, dueOn: '2026-04-16' });
  });

  it('answering a second time is refused: the request is no longer waiting', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db);
    await requestInformation(db, { actor: agent, reference, version: request.version, message: 'Your order number?' });
    await answerInformationRequest(db, { token: statusToken, message: '123', ip: null });

    await expect(answerInformationRequest(db, { token: statusToken, message: '123 again', ip: null })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('staff resuming work without a reply (answer came by phone) restarts the clock the same way', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', now: new Date('2026-03-15T10:00:00Z') });
    await requestInformation(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'Please call us.',
      now: new Date('2026-03-20T11:00:00Z'),
    });
    const waiting = await getRequest(db, { id: request.id });

    await startWork(db, { actor: agent, reference, version: waiting.version, now: new Date('2026-03-27T09:00:00Z') });

    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'in_progress',
      clockStoppedAt: null,
      pausedDays: 7,
      dueOn: '2026-04-22',
    });
    const detail = await getRequestDetail(db, { actor: agent, reference });
    expect(detail.events.find((event) => event.action === 'work_resumed')).toMatchObject({
      details: { pausedDays: 7, dueOn: '2026-04-22', previousDueOn: '2026-04-15' },
    });
    expect(listPausedIntervals(detail.events)).toEqual([expect.objectContaining({ pausedDays: 7, to: expect.any(Date) })]);
  });
});

describe('[agent] hears about a reply', () => {
  let agent: StaffActor;
  let inbox: SmtpInbox;
  const originalSmtpUrl = process.env.SMTP_URL;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Replied-to Agent' });
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    closeTransport();
    await inbox?.stop();
    process.env.SMTP_URL = originalSmtpUrl;
    resetEnvForTests();
  });

  it('the assignee is emailed, the queue row and the page show "Replied" until a staff note follows', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db);
    await requestInformation(db, { actor: agent, reference, version: request.version, message: 'Which shop did you order from?' });

    await answerInformationRequest(db, { token: statusToken, message: 'The Leeds one.', ip: null });

    const notification = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(notification).toMatchObject({ template: 'requester-replied', recipient: agent.email });
    expect(JSON.stringify(notification.payload)).not.toContain('The Leeds one.');
    await deliverOutboundEmail(db, { outboundEmailId: notification.id });
    const [mail] = await inbox.waitFor(agent.email);
    expect(mail!.subject).toBe(`The requester replied on ${reference}`);
    expect(mail!.text).toContain(`/staff/requests/${reference}`);

    const rowOf = async () =>
      (await listQueue(db, { actor: agent, filters: ZQueueFilters.parse({ q: reference }) })).rows.find(
        (row) => row.reference === reference,
      );
    expect(await rowOf()).toMatchObject({ status: 'in_progress', hasUnreadReply: true });
    expect((await getRequestDetail(db, { actor: agent, reference })).hasUnreadReply).toBe(true);

    await addNote(db, { actor: agent, reference, body: 'Checked the Leeds shop.' });
    expect(await rowOf()).toMatchObject({ hasUnreadReply: false });
    expect((await getRequestDetail(db, { actor: agent, reference })).hasUnreadReply).toBe(false);
  });

  it('nobody is emailed when the request has no assignee', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db);
    await requestInformation(db, { actor: agent, reference, version: request.version, message: 'Your order number?' });
    const waiting = await getRequest(db, { id: request.id });
    await assignRequest(db, { actor: agent, reference, version: waiting.version, assigneeId: null });

    await answerInformationRequest(db, { token: statusToken, message: '4711', ip: null });

    expect((await listOutboundEmails(db, { requestId: request.id })).map((email) => email.template)).not.toContain('requester-replied');
  });
});
