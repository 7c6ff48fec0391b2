import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type DataSourceRow, dataSources, fulfilmentRuns } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import { retryFailedSources } from '@/lib/fulfilment/retry-failed-sources';
import { startDryRun } from '@/lib/fulfilment/start-dry-run';
import { startCorrectionJobs } from '@/lib/fulfilment/start-correction-jobs';
import { startErasure } from '@/lib/fulfilment/start-erasure';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { useTestSources } from '@/test/support/demo-shop';
import { listOutboundEmails, payloadProps, tokenFromUrl } from '@/test/support/outbox';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf } from '@/test/support/source-runs';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { answerProcessorNotice } from './answer-processor-notice';
import { findProcessorNotice } from './find-processor-notice';
import { listRecipientsTold } from './list-recipients-told';
import { sendProcessorReminders } from './send-processor-reminders';

const db = useTestDatabase();
const sources = useTestSources(db);
const staff = useStaffTeam(db);

const DAY_MS = 24 * 60 * 60 * 1000;

async function createProcessor(): Promise<DataSourceRow> {
  const slug = `test-mailer-${randomBytes(4).toString('hex')}`;
  const [source] = await db
    .insert(dataSources)
    .values({
      slug,
      name: `Mailfleet ${slug}`,
      kind: 'processor',
      isEnabled: false,
      usedForAccess: false,
      config: {
        kind: 'processor',
        vendorName: 'Mailfleet Ltd',
        contactEmail: `privacy-${slug}@mailfleet.example`,
        reminderDays: 3,
        cutoffDays: 10,
      },
    })
    .returning();
  return sources.track(source!);
}

/** A deletion request with a processor the only source, its dry run done, its erasure started at `startedAt`. */
async function erasureToldToProcessor(startedAt: Date) {
  const processor = await createProcessor();
  await sources.enableOnly([processor]);
  const verified = await createVerifiedRequest(db, { type: 'deletion', input: { fullName: 'Ada Lovelace' }, now: startedAt });
  const dryRun = await startDryRun(db, {
    actor: staff.agent,
    reference: verified.reference,
    version: verified.request.version,
    now: startedAt,
  });
  const [dryRunResult] = await resultsOf(db, dryRun.runId);
  const erase = await startErasure(db, {
    actor: staff.agent,
    reference: verified.reference,
    version: (await getRequest(db, { id: verified.request.id })).version,
    now: startedAt,
  });
  return { ...verified, processor, dryRunResult: dryRunResult!, runId: erase.runId };
}

async function processorEmails(requestId: string) {
  return (await listOutboundEmails(db, { requestId })).filter((email) => email.template === 'processor-erasure-request');
}

describe('[system] tells a processor of an erasure and waits for its answer (Art. 19)', () => {
  it('emails the vendor a link at the start of the erasure, reminds every 3 days, and fails the source at the cut-off for staff to chase', async () => {
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request, processor, dryRunResult, runId } = await erasureToldToProcessor(startedAt);
    expect(dryRunResult).toMatchObject({ status: 'succeeded', sourceKind: 'processor' });

    const [waiting] = await resultsOf(db, runId);
    expect(waiting).toMatchObject({ status: 'awaiting_confirmation' });
    const [first] = await processorEmails(request.id);
    expect(first).toMatchObject({ recipient: processor.config.kind === 'processor' ? processor.config.contactEmail : '' });
    expect(payloadProps(first!)).toMatchObject({
      vendorName: 'Mailfleet Ltd',
      subjectEmail: request.email,
      isReminder: false,
      answerBy: '2026-11-12',
      answerUrl: expect.stringMatching(/\/processor\/[A-Za-z0-9_-]{43}$/),
    });
    const firstToken = tokenFromUrl(String(payloadProps(first!).answerUrl));

    // Before three days, nothing; at three days a reminder with a link of its own; three days after that, another.
    expect(await sendProcessorReminders(db, { now: new Date(startedAt.getTime() + 2 * DAY_MS) })).toEqual({ reminded: 0, cutOff: 0 });
    expect(await sendProcessorReminders(db, { now: new Date(startedAt.getTime() + 3 * DAY_MS) })).toEqual({ reminded: 1, cutOff: 0 });
    expect(await sendProcessorReminders(db, { now: new Date(startedAt.getTime() + 4 * DAY_MS) })).toEqual({ reminded: 0, cutOff: 0 });
    expect(await sendProcessorReminders(db, { now: new Date(startedAt.getTime() + 6 * DAY_MS) })).toEqual({ reminded: 1, cutOff: 0 });
    const emails = await processorEmails(request.id);
    expect(emails.map((email) => payloadProps(email).isReminder)).toEqual([false, true, true]);
    expect(new Set(emails.map((email) => payloadProps(email).answerUrl)).size).toBe(3);
    expect(emails.every((email) => payloadProps(email).answerBy === '2026-11-12')).toBe(true);

    // At the cut-off (10 days after the first email) the source fails and the run with it.
    const cutOffAt = new Date(startedAt.getTime() + 10 * DAY_MS);
    expect(await sendProcessorReminders(db, { now: cutOffAt })).toEqual({ reminded: 0, cutOff: 1 });
    const [failed] = await resultsOf(db, runId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: `Mailfleet Ltd did not confirm the erasure within 10 days (3 emails to ${processor.config.kind === 'processor' ? processor.config.contactEmail : ''}). Chase them, then retry to send a new link.`,
    });
    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(run!.status).toBe('failed');
    expect(await findProcessorNotice(db, { token: firstToken, now: cutOffAt })).toMatchObject({ state: 'answered' });
    const actions = (await listEvents(db, { requestId: request.id })).map((event) => event.action);
    expect(actions.filter((action) => action.startsWith('processor_'))).toEqual([
      'processor_notified',
      'processor_reminded',
      'processor_reminded',
      'processor_cut_off',
    ]);
    // The cut-off only happens once.
    expect(await sendProcessorReminders(db, { now: new Date(cutOffAt.getTime() + DAY_MS) })).toEqual({ reminded: 0, cutOff: 0 });
    expect((await listRecipientsTold(db, { requestId: request.id }))[0]).toMatchObject({
      vendorName: 'Mailfleet Ltd',
      emails: 3,
      state: 'failed',
      answer: null,
    });
  });

  it('after a chase, the vendor’s answer at the new link completes the erasure; the link works once and the old one is refused', async () => {
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request, reference, statusToken, runId } = await erasureToldToProcessor(startedAt);
    const [first] = await processorEmails(request.id);
    const oldToken = tokenFromUrl(String(payloadProps(first!).answerUrl));
    const cutOffAt = new Date(startedAt.getTime() + 10 * DAY_MS);
    await sendProcessorReminders(db, { now: cutOffAt });

    await retryFailedSources(db, {
      actor: staff.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
      runId,
      now: cutOffAt,
    });
    const emails = await processorEmails(request.id);
    expect(emails).toHaveLength(2);
    expect(payloadProps(emails[1]!)).toMatchObject({ isReminder: false, answerBy: '2026-11-22' });
    const newToken = tokenFromUrl(String(payloadProps(emails[1]!).answerUrl));
    // A new attempt has a new clock: no reminder one day later.
    expect(await sendProcessorReminders(db, { now: new Date(cutOffAt.getTime() + DAY_MS) })).toEqual({ reminded: 0, cutOff: 0 });

    const answeredAt = new Date(cutOffAt.getTime() + 2 * DAY_MS);
    await expect(answerProcessorNotice(db, { token: oldToken, answer: 'erased', note: '', now: answeredAt })).rejects.toSatisfy((error) =>
      isAppError(error, 'TOKEN_INVALID'),
    );
    await answerProcessorNotice(db, { token: newToken, answer: 'erased', note: 'Removed from lists and logs', now: answeredAt });

    const [answered] = await resultsOf(db, runId);
    expect(answered).toMatchObject({
      status: 'succeeded',
      note: 'The processor confirmed it erased the data: Removed from lists and logs',
    });
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const confirmation = (await listOutboundEmails(db, { requestId: request.id })).find((email) => email.template === 'erasure-confirmed');
    expect(payloadProps(confirmation!).systems).toEqual([expect.objectContaining({ isConfirmedByRecipient: true, tables: [] })]);
    const answeredEvent = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'processor_answered');
    expect(answeredEvent!.details).toMatchObject({ vendor: 'Mailfleet Ltd', answer: 'erased', note: 'Removed from lists and logs' });

    await expect(answerProcessorNotice(db, { token: newToken, answer: 'held_nothing', note: '', now: answeredAt })).rejects.toSatisfy(
      (error) => isAppError(error, 'INVALID_TRANSITION'),
    );
    const status = await getRequestStatus(db, { token: statusToken });
    expect(status!.recipientsTold).toEqual([{ vendorName: 'Mailfleet Ltd', topic: 'erasure', toldAt: startedAt, hasConfirmed: true }]);
  });

  it('an unknown or expired link is refused, and a processor never joins an access request', async () => {
    await expect(answerProcessorNotice(db, { token: 'x'.repeat(43), answer: 'erased', note: '' })).rejects.toSatisfy((error) =>
      isAppError(error, 'TOKEN_INVALID'),
    );
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request } = await erasureToldToProcessor(startedAt);
    const [first] = await processorEmails(request.id);
    const token = tokenFromUrl(String(payloadProps(first!).answerUrl));
    const late = new Date(startedAt.getTime() + 10 * DAY_MS + 1000);
    expect(await findProcessorNotice(db, { token, now: late })).toMatchObject({ state: 'expired', vendorName: 'Mailfleet Ltd' });
    await expect(answerProcessorNotice(db, { token, answer: 'erased', note: '', now: late })).rejects.toSatisfy((error) =>
      isAppError(error, 'TOKEN_INVALID'),
    );

    const access = await createVerifiedRequest(db, { type: 'access' });
    const runs = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, access.request.id));
    for (const run of runs) expect((await resultsOf(db, run.id)).some((result) => result.sourceKind === 'processor')).toBe(false);
  });
});

/** A correction request with a processor the only source, sent to it at `startedAt`. */
async function correctionToldToProcessor(startedAt: Date) {
  const processor = await createProcessor();
  await sources.enableOnly([processor]);
  const verified = await createVerifiedRequest(db, {
    type: 'correction',
    input: { fullName: 'Ada Lovelace', details: 'My surname is Lovelace, not Lovelance.' },
    now: startedAt,
  });
  const { runId } = await startCorrectionJobs(db, {
    actor: staff.agent,
    reference: verified.reference,
    version: verified.request.version,
    now: startedAt,
  });
  return { ...verified, processor, runId };
}

async function correctionEmails(requestId: string) {
  return (await listOutboundEmails(db, { requestId })).filter((email) => email.template === 'processor-correction-request');
}

describe('[system] tells a processor of a correction and waits for its answer (Art. 19)', () => {
  it('emails the vendor what to correct with a link, reminds, and fails the source at the cut-off, all audited', async () => {
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request, processor, runId } = await correctionToldToProcessor(startedAt);
    const contactEmail = processor.config.kind === 'processor' ? processor.config.contactEmail : '';

    const [waiting] = await resultsOf(db, runId);
    expect(waiting).toMatchObject({ status: 'awaiting_confirmation', sourceKind: 'processor' });
    expect(await processorEmails(request.id)).toEqual([]);
    const [first] = await correctionEmails(request.id);
    expect(first).toMatchObject({ recipient: contactEmail });
    expect(payloadProps(first!)).toMatchObject({
      vendorName: 'Mailfleet Ltd',
      subjectEmail: request.email,
      correction: 'My surname is Lovelace, not Lovelance.',
      isReminder: false,
      answerBy: '2026-11-12',
    });
    // Only what the processor needs: no name, phone or other detail of the request.
    expect(Object.keys(payloadProps(first!)).sort()).toEqual(
      ['answerBy', 'answerUrl', 'correction', 'isReminder', 'organisationName', 'reference', 'subjectEmail', 'vendorName'].sort(),
    );
    const token = tokenFromUrl(String(payloadProps(first!).answerUrl));
    expect(await findProcessorNotice(db, { token, now: startedAt })).toMatchObject({
      state: 'open',
      topic: 'correction',
      correction: 'My surname is Lovelace, not Lovelance.',
    });

    // Other tests' requests may be waiting too: this request's own emails and events are what count.
    await sendProcessorReminders(db, { now: new Date(startedAt.getTime() + 3 * DAY_MS) });
    const emails = await correctionEmails(request.id);
    expect(emails.map((email) => payloadProps(email).isReminder)).toEqual([false, true]);
    expect(payloadProps(emails[1]!).correction).toBe('My surname is Lovelace, not Lovelance.');

    const cutOffAt = new Date(startedAt.getTime() + 10 * DAY_MS);
    await sendProcessorReminders(db, { now: cutOffAt });
    expect((await resultsOf(db, runId))[0]).toMatchObject({
      status: 'failed',
      error: `Mailfleet Ltd did not confirm the correction within 10 days (2 emails to ${contactEmail}). Chase them, then retry to send a new link.`,
    });
    const events = (await listEvents(db, { requestId: request.id })).filter((event) => event.action.startsWith('processor_'));
    expect(events.map((event) => [event.action, event.details.topic])).toEqual([
      ['processor_notified', 'correction'],
      ['processor_reminded', 'correction'],
      ['processor_cut_off', 'correction'],
    ]);
    expect(await listRecipientsTold(db, { requestId: request.id })).toEqual([
      expect.objectContaining({ vendorName: 'Mailfleet Ltd', topic: 'correction', emails: 2, state: 'failed' }),
    ]);
  });

  it('the vendor confirms “corrected” at its link; an erasure’s answer is refused there; the status page lists it as told', async () => {
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request, statusToken, runId } = await correctionToldToProcessor(startedAt);
    const [first] = await correctionEmails(request.id);
    const token = tokenFromUrl(String(payloadProps(first!).answerUrl));
    const answeredAt = new Date(startedAt.getTime() + DAY_MS);

    await expect(answerProcessorNotice(db, { token, answer: 'erased', note: '', now: answeredAt })).rejects.toSatisfy((error) =>
      isAppError(error, 'VALIDATION'),
    );
    await answerProcessorNotice(db, { token, answer: 'corrected', note: 'Surname fixed in our CRM', now: answeredAt });

    expect((await resultsOf(db, runId))[0]).toMatchObject({
      status: 'succeeded',
      note: 'The processor confirmed it corrected the data: Surname fixed in our CRM',
    });
    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(run!.status).toBe('succeeded');
    const answered = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'processor_answered');
    expect(answered!.details).toMatchObject({ vendor: 'Mailfleet Ltd', topic: 'correction', answer: 'corrected' });
    expect(await findProcessorNotice(db, { token, now: answeredAt })).toMatchObject({ state: 'answered' });
    expect((await listRecipientsTold(db, { requestId: request.id }))[0]).toMatchObject({ answer: 'corrected', state: 'answered' });
    const status = await getRequestStatus(db, { token: statusToken });
    expect(status!.recipientsTold).toEqual([{ vendorName: 'Mailfleet Ltd', topic: 'correction', toldAt: startedAt, hasConfirmed: true }]);
  });

  it('a vendor that holds nothing says so at its link', async () => {
    const startedAt = new Date('2026-11-02T09:00:00Z');
    const { request, runId } = await correctionToldToProcessor(startedAt);
    const [first] = await correctionEmails(request.id);
    const token = tokenFromUrl(String(payloadProps(first!).answerUrl));
    await answerProcessorNotice(db, { token, answer: 'held_nothing', note: '', now: startedAt });
    expect((await resultsOf(db, runId))[0]).toMatchObject({
      status: 'succeeded',
      note: 'The processor said it holds no data about the person.',
    });
  });
});
