import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import { updateAccessInformation } from '@/lib/settings/update-access-information';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { aSubmission } from '@/test/support/fixtures';
import { getRequest } from '@/test/support/requests';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { extendDeadline } from './extend-deadline';
import { fulfilRequest } from './fulfil-request';
import { getRequestStatus } from './get-request-status';
import { rejectRequest } from './reject-request';
import { requestInformation } from './request-information';

const db = useTestDatabase();
let team: Record<'admin' | 'agent' | 'auditor', StaffActor>;

beforeAll(async () => {
  team = await createStaffTeam(db);
});

describe('[requester] the status page says what the emails said', () => {
  it('after an extension: the original date, the new one and the reason', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db, {
      jurisdiction: 'eu_gdpr',
      now: new Date('2026-03-15T10:00:00Z'),
    });
    await extendDeadline(db, {
      actor: team.agent,
      reference,
      version: request.version,
      reason: 'Your records are in three systems.',
      now: new Date('2026-03-16T10:00:00Z'),
    });

    const view = await getRequestStatus(db, { token: statusToken });
    expect(view).toMatchObject({
      dueOn: '2026-06-15',
      extension: {
        originalDueOn: '2026-04-15',
        reason: 'Your records are in three systems.',
        legalBasis: expect.stringContaining('12(3)'),
      },
      clockStoppedAt: null,
      complaint: null,
      closedAt: null,
    });
  });

  it('while the clock is stopped: since when; once answered it is not', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr' });
    const askedAt = new Date(Date.now() - 60_000);
    await requestInformation(db, { actor: team.agent, reference, version: request.version, message: 'Which account?', now: askedAt });

    const view = await getRequestStatus(db, { token: statusToken });
    expect(view?.clockStoppedAt?.getTime()).toBe(askedAt.getTime());
    expect(view?.extension).toBeNull();
  });

  it('after a refusal: the right to complain, naming the authority from the regime’s settings; no answer-due date once closed', async () => {
    await updateAccessInformation(db, {
      actor: team.admin,
      code: 'uk_gdpr',
      information: {
        'en.complaintAuthorityName': 'the Information Commissioner’s Office',
        'en.complaintAuthorityUrl': 'https://ico.org.uk/make-a-complaint/',
      },
    });
    const { request, reference, statusToken } = await createVerifiedRequest(db, { jurisdiction: 'uk_gdpr' });
    await rejectRequest(db, {
      actor: team.agent,
      reference,
      version: request.version,
      basis: 'identity_not_verified',
      message: 'We could not confirm who you are.',
    });

    const view = await getRequestStatus(db, { token: statusToken });
    expect(view).toMatchObject({
      status: 'rejected',
      dueOn: null,
      complaint: { authorityName: 'the Information Commissioner’s Office', authorityUrl: 'https://ico.org.uk/make-a-complaint/' },
    });
    expect(view?.closedAt).toBeInstanceOf(Date);
  });

  it('[requester] who asked in German is pointed at the authority as written in German; its address in English where none is given', async () => {
    await updateAccessInformation(db, {
      actor: team.admin,
      code: 'eu_gdpr',
      information: {
        'en.complaintAuthorityName': 'your local data protection authority',
        'de.complaintAuthorityName': 'Ihre örtliche Datenschutzaufsichtsbehörde',
        'en.complaintAuthorityUrl': 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en',
      },
    });
    const { request, reference, statusToken } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', input: { language: 'de' } });
    await rejectRequest(db, { actor: team.agent, reference, version: request.version, basis: 'identity_not_verified' });

    expect((await getRequestStatus(db, { token: statusToken }))?.complaint).toEqual({
      authorityName: 'Ihre örtliche Datenschutzaufsichtsbehörde',
      authorityUrl: 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en',
    });
  });

  it('a fulfilled request has no answer-due date and no complaint section; times are in the requester’s zone, or the organisation’s', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr' });
    expect((await getRequestStatus(db, { token: statusToken }))?.timeZone).toBe('UTC');
    await db.update(requests).set({ timeZone: 'Asia/Tokyo' }).where(eq(requests.id, request.id));
    const current = await getRequest(db, { id: request.id });
    await fulfilRequest(db, {
      actor: team.agent,
      reference,
      version: current.version,
      message: 'Here is your data.',
      files: [new File(['your data'], 'your-data.txt', { type: 'text/plain' })],
    });

    const view = await getRequestStatus(db, { token: statusToken });
    expect(view).toMatchObject({ status: 'fulfilled', dueOn: null, complaint: null, timeZone: 'Asia/Tokyo', clockStoppedAt: null });
  });
});

describe('[requester] the request form’s time zone', () => {
  it('is stored when it is an IANA zone, and refused with a field error when it is not', async () => {
    const { request } = await createVerifiedRequest(db, { input: { timeZone: 'America/New_York' } });
    expect(request.timeZone).toBe('America/New_York');
    const submission = { ...aSubmission(), timeZone: '+01:00' };
    const refused = ZSubmitRequest.safeParse(submission);
    expect(refused.success ? [] : refused.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['timeZone', 'Use an IANA time zone such as Europe/London'],
    ]);
    expect(ZSubmitRequest.safeParse({ ...submission, timeZone: 'Europe/Berlin' }).success).toBe(true);
  });
});
