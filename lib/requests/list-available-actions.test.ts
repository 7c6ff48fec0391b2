import { beforeAll, describe, expect, it } from 'vitest';
import { startErasure } from '@/lib/fulfilment/start-erasure';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { extendDeadline } from './extend-deadline';
import { getRequestDetail } from './get-request-detail';
import { requestInformation } from './request-information';

const db = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
let agent: StaffActor;
let auditor: StaffActor;

beforeAll(async () => {
  ({ agent, auditor } = await createStaffTeam(db));
});

describe('[agent] the request page offers what the use cases allow (getRequestDetail → availableActions)', () => {
  it('offers Extend on a request within its first period, and extending then succeeds', async () => {
    const { reference, request } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr' });

    const { availableActions } = await getRequestDetail(db, { actor: agent, reference });

    expect(availableActions).toMatchObject({
      work: { isAllowed: true },
      startWork: { isAllowed: true },
      extendDeadline: { isAllowed: true },
      fulfil: { isAllowed: true },
      erase: null,
    });
    await expect(extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'Many systems.' })).resolves.toMatchObject(
      { dueOn: expect.any(String) },
    );
  });

  it('does not offer Extend once the deadline has passed, with the reason extendDeadline refuses with', async () => {
    const { reference, request } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', now: new Date(Date.now() - 90 * DAY) });

    const { availableActions } = await getRequestDetail(db, { actor: agent, reference });
    const refused = await refusal(extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'Too late.' }));

    expect(availableActions.extendDeadline).toEqual({ isAllowed: false, code: refused.code, reason: refused.message });
    expect(refused.message).toBe('The deadline has already passed: an extension must be given before it ends.');
  });

  it('offers neither Fulfil nor Ask again while waiting for the requester, as the state machine says', async () => {
    const { reference, request } = await createVerifiedRequest(db);
    await requestInformation(db, { actor: agent, reference, version: request.version, message: 'Which account?' });

    const { availableActions } = await getRequestDetail(db, { actor: agent, reference });

    expect(availableActions).toMatchObject({
      startWork: { isAllowed: true },
      requestInformation: { isAllowed: false },
      fulfil: { isAllowed: false },
      reject: { isAllowed: true },
    });
  });

  it('disables Erase before a dry run with the reason startErasure refuses with', async () => {
    const { reference, request } = await createVerifiedRequest(db, { type: 'deletion' });

    const { availableActions } = await getRequestDetail(db, { actor: agent, reference });
    const refused = await refusal(startErasure(db, { actor: agent, reference, version: request.version }));

    expect(availableActions.erase).toEqual({ isAllowed: false, code: refused.code, reason: refused.message });
    expect(refused.message).toMatch(/^Run a dry run first/);
  });
});

describe('[auditor] the request page offers no action', () => {
  it('every action is refused as FORBIDDEN, as the use cases refuse an auditor', async () => {
    const { reference, request } = await createVerifiedRequest(db, { type: 'deletion' });

    const { availableActions } = await getRequestDetail(db, { actor: auditor, reference });
    const refused = await refusal(extendDeadline(db, { actor: auditor, reference, version: request.version, reason: 'x' }));

    expect(refused.code).toBe('FORBIDDEN');
    for (const check of Object.values(availableActions)) expect(check).toMatchObject({ isAllowed: false, code: 'FORBIDDEN' });
  });
});
