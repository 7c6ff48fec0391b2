import type { Runner } from 'graphile-worker';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { listActiveStaffByRole } from '@/db/queries/staff-members';
import { deadlineReminders, outboundEmails } from '@/db/schema';
import { closeTransport } from '@/emails/transport';
import { env, resetEnvForTests } from '@/lib/env';
import { extendDeadline } from '@/lib/requests/extend-deadline';
import { requestInformation } from '@/lib/requests/request-information';
import { startWork } from '@/lib/requests/start-work';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { discardQueuedJobs, startJobWorker } from '@/test/support/job-worker';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest, type VerifiedRequest } from '@/test/support/verified-request';
import { sendDeadlineReminders } from './send-deadline-reminders';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;

// The file's own database holds only the requests it creates; the daily job scans every
// open request, so the tests use dates far apart to keep each other's reminders apart.
const receivedOn = (day: string) => new Date(`1990-01-${day}T09:00:00Z`);

async function emailsFor(request: VerifiedRequest) {
  return db
    .select({ template: outboundEmails.template, recipient: outboundEmails.recipient, payload: outboundEmails.payload })
    .from(outboundEmails)
    .where(
      and(eq(outboundEmails.requestId, request.request.id), inArray(outboundEmails.template, ['deadline-reminder', 'request-overdue'])),
    );
}

function toAddresses(inbox: SmtpInbox, address: string) {
  return inbox.messages.filter((mail) =>
    [mail.to].flat().some((to) => to?.value.some((entry) => entry.address?.toLowerCase() === address)),
  );
}

describe('[system] the daily deadline reminders', () => {
  let inbox: SmtpInbox;
  let worker: Runner;
  let agent: StaffActor;
  let admin: StaffActor;
  let dueIn7: VerifiedRequest;
  let dueIn2: VerifiedRequest;
  let overdue: VerifiedRequest;
  // Two "workers" with their own connections.
  const first = createDatabase(env().DATABASE_URL, { max: 3 });
  const second = createDatabase(env().DATABASE_URL, { max: 3 });

  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Assigned Agent' });
    admin = await createStaffMember(db, { role: 'admin', name: 'On-call Admin' });
    // EU GDPR: one calendar month, no weekend roll. Due 1990-02-10, 1990-02-05 and 1990-02-01.
    [dueIn7, dueIn2, overdue] = await Promise.all([
      createVerifiedRequest(db, { now: receivedOn('10') }),
      createVerifiedRequest(db, { now: receivedOn('05') }),
      createVerifiedRequest(db, { now: receivedOn('01') }),
    ]);
    for (const subject of [dueIn7, dueIn2, overdue])
      await startWork(db, { actor: agent, reference: subject.reference, version: subject.request.version });

    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    resetEnvForTests();
    await discardQueuedJobs(db);
  });

  afterAll(async () => {
    await worker?.stop();
    closeTransport();
    await inbox?.stop();
    process.env.SMTP_URL = originalSmtpUrl;
    resetEnvForTests();
    await Promise.all([first.close(), second.close()]);
    await closeSharedDatabase();
  });

  it('[agent] gets the 7- and 2-day reminders, [admin]s the overdue alert; twice and concurrently, each threshold fires once', async () => {
    const now = new Date('1990-02-03T08:00:00Z');
    expect([dueIn7.request, dueIn2.request, overdue.request].map((row) => row.dueOn)).toEqual(['1990-02-10', '1990-02-05', '1990-02-01']);

    await Promise.all([sendDeadlineReminders(first.db, { now }), sendDeadlineReminders(second.db, { now })]);
    await sendDeadlineReminders(db, { now });
    await Promise.all([sendDeadlineReminders(first.db, { now }), sendDeadlineReminders(second.db, { now })]);

    expect(await emailsFor(dueIn7)).toEqual([
      expect.objectContaining({
        template: 'deadline-reminder',
        recipient: agent.email,
        payload: expect.objectContaining({ props: expect.objectContaining({ daysLeft: 7 }) }),
      }),
    ]);
    expect(await emailsFor(dueIn2)).toEqual([
      expect.objectContaining({
        template: 'deadline-reminder',
        recipient: agent.email,
        payload: expect.objectContaining({ props: expect.objectContaining({ daysLeft: 2 }) }),
      }),
    ]);
    const admins = await listActiveStaffByRole(db, { role: 'admin' });
    const alerts = await emailsFor(overdue);
    expect(alerts.map((email) => email.template)).toEqual(admins.map(() => 'request-overdue'));
    expect(alerts.map((email) => email.recipient).sort()).toEqual(admins.map((member) => member.email).sort());

    const marked = await db
      .select()
      .from(deadlineReminders)
      .where(inArray(deadlineReminders.requestId, [dueIn7.request.id, dueIn2.request.id, overdue.request.id]));
    expect(
      marked
        .filter((row) => row.requestId === overdue.request.id)
        .map((row) => row.kind)
        .sort(),
    ).toEqual(['due_in_2_days', 'due_in_7_days', 'overdue']);

    // Delivered through the real worker and SMTP: exactly once each. Started only now because
    // a sent row is scrubbed (recipient and payload cleared), which the checks above read.
    worker = await startJobWorker();
    await inbox.waitFor(agent.email, { count: 2 });
    await inbox.waitFor(admin.email);
    await inbox.waitForSilence({ quietMs: 1500 });
    const toAgent = toAddresses(inbox, agent.email)
      .map((mail) => mail.subject)
      .sort();
    expect(toAgent).toEqual([`${dueIn2.reference} is due in 2 days`, `${dueIn7.reference} is due in 7 days`].sort());
    // Admins are alerted about every overdue request in the database; only this test's three count here.
    const ours = [dueIn7, dueIn2, overdue].map((subject) => subject.reference);
    const toAdmin = toAddresses(inbox, admin.email)
      .map((mail) => mail.subject)
      .filter((subject) => ours.some((reference) => subject?.includes(reference)));
    expect(toAdmin).toEqual([expect.stringContaining(`Overdue: ${overdue.reference}`)]);
  });

  it('[agent] gets the 2-day reminder when that day comes, once; earlier thresholds never repeat', async () => {
    const later = new Date('1990-02-08T08:00:00Z');
    await Promise.all([sendDeadlineReminders(first.db, { now: later }), sendDeadlineReminders(second.db, { now: later })]);
    await sendDeadlineReminders(db, { now: later });

    expect((await emailsFor(dueIn7)).map((email) => email.template)).toEqual(['deadline-reminder', 'deadline-reminder']);
    // By now the request that was due in 2 days is overdue: admins are alerted, the agent is not reminded again.
    const forDueIn2 = await emailsFor(dueIn2);
    expect(forDueIn2.filter((email) => email.template === 'deadline-reminder')).toHaveLength(1);
    expect(forDueIn2.filter((email) => email.template === 'request-overdue').length).toBeGreaterThan(0);
    expect((await emailsFor(overdue)).length).toBe((await listActiveStaffByRole(db, { role: 'admin' })).length);
    await inbox.waitFor(agent.email, { count: 3 });
    await inbox.waitForSilence();
    expect(toAddresses(inbox, agent.email).map((mail) => mail.subject)).toContain(`${dueIn7.reference} is due in 2 days`);
    expect(toAddresses(inbox, agent.email)).toHaveLength(3);
  });
});

describe('[system] the daily deadline reminders skip a stopped clock', () => {
  it('a request waiting for the requester under a pausing policy gets no reminder or overdue alert', async () => {
    const agent = await createStaffMember(db, { role: 'agent', name: 'Pausing Agent' });
    // EU GDPR allows stopping the clock: received 1989-12-01, due 1990-01-01.
    const paused = await createVerifiedRequest(db, { now: new Date('1989-12-01T09:00:00Z') });
    await requestInformation(db, {
      actor: agent,
      reference: paused.reference,
      version: paused.request.version,
      message: 'Proof of address, please.',
      now: new Date('1989-12-20T09:00:00Z'),
    });

    await sendDeadlineReminders(db, { now: new Date('1990-01-05T06:00:00Z') });

    expect(await db.select().from(deadlineReminders).where(eq(deadlineReminders.requestId, paused.request.id))).toEqual([]);
  });
});

describe('[system] an extended deadline gets its own reminders', () => {
  it('the 7-day reminder fires again before the new due date', async () => {
    const agent = await createStaffMember(db, { role: 'agent', name: 'Extending Agent' });
    // EU GDPR: received 1989-11-01, due 1989-12-01; extended by two months to 1990-02-01.
    const subject = await createVerifiedRequest(db, { now: new Date('1989-11-01T09:00:00Z') });
    await startWork(db, { actor: agent, reference: subject.reference, version: subject.request.version });
    const remindersOf = async () => (await emailsFor(subject)).filter((email) => email.template === 'deadline-reminder');

    await sendDeadlineReminders(db, { now: new Date('1989-11-25T06:00:00Z') });
    expect(await remindersOf()).toHaveLength(1);

    await extendDeadline(db, {
      actor: agent,
      reference: subject.reference,
      version: subject.request.version + 1,
      reason: 'Three systems to search.',
      now: new Date('1989-11-25T10:00:00Z'),
    });
    await sendDeadlineReminders(db, { now: new Date('1989-11-26T06:00:00Z') });
    expect(await remindersOf()).toHaveLength(1);

    await sendDeadlineReminders(db, { now: new Date('1990-01-26T06:00:00Z') });
    await sendDeadlineReminders(db, { now: new Date('1990-01-26T07:00:00Z') });
    expect(await remindersOf()).toHaveLength(2);
  });
});
