import { eq } from 'drizzle-orm';
import germanMessages from '@/messages/de.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityEvidence, requests, settings } from '@/db/schema';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { listAvailableActions } from '@/lib/requests/list-available-actions';
import { VERIFICATION_SETTINGS_KEY } from '@/lib/settings/get-verification-level-settings';
import { updateVerificationLevels } from '@/lib/settings/update-verification-levels';
import { getStorage } from '@/lib/storage/get-storage';
import { insertShopCustomer, uniqueShopEmail, useDemoShop, useTestSources } from '@/test/support/demo-shop';
import { getRequest, listEvents } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { deleteExpiredEvidence } from './delete-expired-evidence';
import { evidenceObjectKey, readEvidenceFile } from './evidence-file';
import { overrideVerification } from './override-verification';
import { recordStaffCheck } from './record-staff-check';
import { requestEvidence } from './request-evidence';
import { submitDataPoints } from './submit-data-points';
import { uploadEvidence } from './upload-evidence';

const db = useTestDatabase();
const shop = useDemoShop();
const sources = useTestSources(db);
const team = useStaffTeam(db);

// The shop's test customers all have this phone and postcode (test/support/shop-customers.ts).
const PHONE = '07700 900123';
const POSTCODE = 'te5 7st';

beforeAll(async () => {
  const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl });
  await sources.enableOnly([source]);
  await updateVerificationLevels(db, {
    actor: team.admin,
    jurisdiction: 'eu_gdpr',
    maxTries: 3,
    evidenceRetentionDays: 7,
    levels: {
      deletion: { level: 'data_points', dataPoints: 2 },
      access: { level: 'declaration', dataPoints: 2 },
    },
  });
  await updateVerificationLevels(db, {
    actor: team.admin,
    jurisdiction: 'us_ca_ccpa',
    maxTries: 3,
    evidenceRetentionDays: 7,
    // Opt-outs never need more than the email link, whatever is asked.
    levels: { opt_out_sale: { level: 'staff_check', dataPoints: 2 } },
  });
});

afterAll(async () => {
  await db.delete(settings).where(eq(settings.key, VERIFICATION_SETTINGS_KEY));
});

/** A confirmed request from a shop customer of the test's own. */
async function requestFromShopCustomer(type: 'deletion' | 'access' | 'opt_out_sale', { language }: { language?: 'de' } = {}) {
  const email = uniqueShopEmail('identity');
  await insertShopCustomer(shop.sql, { email, fullName: 'Ada Lovelace', orders: 1 });
  return createVerifiedRequest(db, {
    type,
    jurisdiction: type === 'opt_out_sale' ? 'us_ca_ccpa' : 'eu_gdpr',
    input: { email, ...(language ? { language } : {}) },
  });
}

describe('verification levels', () => {
  it('[system] keeps the level the regime asks for on the request, and opt-outs need only the email link', async () => {
    const deletion = await requestFromShopCustomer('deletion');
    const optOut = await requestFromShopCustomer('opt_out_sale');
    expect(await getRequest(db, { id: deletion.request.id })).toMatchObject({
      verificationRequired: { level: 'data_points', dataPoints: 2 },
      verificationReached: 'email',
    });
    expect(await getRequest(db, { id: optOut.request.id })).toMatchObject({ verificationRequired: { level: 'email' } });
  });

  it('[requester] two matching data points verify a deletion; the typed values are in no event', async () => {
    const { request, statusToken } = await requestFromShopCustomer('deletion');
    const before = await getRequest(db, { id: request.id });
    const actionsBefore = await listAvailableActions(db, { actor: team.agent, request: before });
    expect(actionsBefore.fulfil).toMatchObject({ isAllowed: false, reason: expect.stringContaining('Identity is not verified') });
    expect(actionsBefore.erase).toMatchObject({ isAllowed: false, reason: expect.stringContaining('Identity is not verified') });

    const outcome = await submitDataPoints(db, {
      input: { token: statusToken, phone: `+44 ${PHONE.slice(1)}`, postcode: POSTCODE },
      ip: null,
    });
    expect(outcome).toEqual({ outcome: 'verified' });
    const after = await getRequest(db, { id: request.id });
    expect(after).toMatchObject({ verificationReached: 'data_points', verificationDataPointsMatched: 2, verificationFailedTries: 0 });
    expect((await listAvailableActions(db, { actor: team.agent, request: after })).fulfil).toEqual({ isAllowed: true });
    const events = await listEvents(db, { requestId: request.id });
    expect(events.map((event) => event.action)).toContain('identity_verified');
    expect(JSON.stringify(events)).not.toMatch(/7700|TE5|te5/i);
  });

  it('[requester] a wrong fact is a failed try with the tries left; the third locks verification and sends it to staff with the reason', async () => {
    const { request, statusToken } = await requestFromShopCustomer('deletion');
    const wrong = { token: statusToken, phone: '020 0000 0000', postcode: POSTCODE };
    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'no_match', triesLeft: 2 });
    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'no_match', triesLeft: 1 });
    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'locked' });
    const locked = await getRequest(db, { id: request.id });
    expect(locked.verificationLockedAt).not.toBeNull();
    expect(locked.verificationFailureReason).toContain('did not match after 3 tries');
    expect(locked.verificationReached).toBe('email');
    // Even the right answer no longer counts: a guesser gets nowhere once locked.
    await expect(submitDataPoints(db, { input: { token: statusToken, phone: PHONE, postcode: POSTCODE }, ip: null })).rejects.toMatchObject(
      { code: 'INVALID_TRANSITION' },
    );
    const actions = (await listEvents(db, { requestId: request.id })).map((event) => event.action);
    expect(actions.filter((action) => action === 'identity_check_failed')).toHaveLength(3);
    expect(actions).toContain('identity_verification_locked');
    expect(JSON.stringify(await listEvents(db, { requestId: request.id }))).not.toContain('0000 0000');
  });

  it('[requester] fewer facts than the level needs is a form error, not a try', async () => {
    const { request, statusToken } = await requestFromShopCustomer('deletion');
    await expect(submitDataPoints(db, { input: { token: statusToken, phone: PHONE }, ip: null })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect((await getRequest(db, { id: request.id })).verificationFailedTries).toBe(0);
  });

  it('[requester] the declaration level needs the data points and a signed declaration, kept with name, date and text', async () => {
    const { request, statusToken } = await requestFromShopCustomer('access');
    await expect(submitDataPoints(db, { input: { token: statusToken, phone: PHONE, postcode: POSTCODE }, ip: null })).rejects.toMatchObject(
      { code: 'VALIDATION' },
    );
    const outcome = await submitDataPoints(db, {
      input: { token: statusToken, phone: PHONE, postcode: POSTCODE, declarationName: 'Ada Lovelace', declarationAgreed: 'yes' },
      ip: null,
    });
    expect(outcome).toEqual({ outcome: 'verified' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      verificationReached: 'declaration',
      declarationName: 'Ada Lovelace',
      declarationText: expect.stringContaining('under penalty of perjury'),
      declarationSignedAt: expect.any(Date),
    });
  });

  it('[requester] a declaration signed in German is recorded in German, the text they read and signed', async () => {
    const { request, statusToken } = await requestFromShopCustomer('access', { language: 'de' });
    const outcome = await submitDataPoints(db, {
      input: { token: statusToken, phone: PHONE, postcode: POSTCODE, declarationName: 'Ada Lovelace', declarationAgreed: 'yes' },
      ip: null,
    });
    expect(outcome).toEqual({ outcome: 'verified' });
    const signed = await getRequest(db, { id: request.id });
    expect(signed.language).toBe('de');
    expect(signed.declarationText).toBe(germanMessages.statusPage.identity.declarationText);
    expect(signed.declarationText).toContain('Strafandrohung für Meineid');
  });

  it('[agent] cannot fulfil below the level; only an admin overrides, with a reason that is audited', async () => {
    const { request, reference } = await requestFromShopCustomer('deletion');
    const message = 'Your data is erased.';
    const confirmed = await getRequest(db, { id: request.id });
    await expect(fulfilRequest(db, { actor: team.agent, reference, version: confirmed.version, message, files: [] })).rejects.toMatchObject(
      { code: 'INVALID_TRANSITION', message: expect.stringContaining('Identity is not verified') },
    );
    const current = await getRequest(db, { id: request.id });
    const input = { reference, version: current.version, reason: 'Confirmed by phone call with the account holder.' };
    await expect(overrideVerification(db, { actor: team.agent, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await overrideVerification(db, { actor: team.admin, input });
    const overridden = await getRequest(db, { id: request.id });
    expect(overridden.verificationOverrideReason).toBe(input.reason);
    await fulfilRequest(db, { actor: team.agent, reference, version: overridden.version, message, files: [] });
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const override = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'identity_verification_overridden');
    expect(override).toMatchObject({ actorId: team.admin.staffId, details: { reason: input.reason } });
  });
});

describe('staff checks and evidence', () => {
  it('[requester] uploads a document when asked; it is stored encrypted, deleted on schedule after the staff check, leaving an audit record', async () => {
    const { request, reference, statusToken } = await requestFromShopCustomer('deletion');
    const document = new File([Buffer.from('%PDF-1.4 passport scan of Ada')], 'passport.pdf', { type: 'application/pdf' });
    await expect(uploadEvidence(db, { token: statusToken, file: document, ip: null })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });

    await requestEvidence(db, { actor: team.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await uploadEvidence(db, { token: statusToken, file: document, ip: null });
    const [stored] = await db.select().from(identityEvidence).where(eq(identityEvidence.requestId, request.id));
    expect(stored).toMatchObject({ fileName: 'passport.pdf', deleteAfter: null, deletedAt: null });
    const raw = await getStorage().get(evidenceObjectKey(stored!.storageKey));
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString('latin1')).not.toContain('passport scan');
    expect((await readEvidenceFile(stored!.storageKey)).toString()).toContain('passport scan of Ada');

    const decidedAt = new Date();
    await recordStaffCheck(db, {
      actor: team.agent,
      input: {
        reference,
        version: (await getRequest(db, { id: request.id })).version,
        method: 'Video call',
        evidenceSeen: 'Passport, photo page',
      },
      now: decidedAt,
    });
    expect((await getRequest(db, { id: request.id })).verificationReached).toBe('staff_check');
    const [scheduled] = await db.select().from(identityEvidence).where(eq(identityEvidence.id, stored!.id));
    expect(scheduled!.deleteAfter!.getTime()).toBe(decidedAt.getTime() + 7 * 86_400_000);

    expect(await deleteExpiredEvidence(db, { now: new Date(decidedAt.getTime() + 6 * 86_400_000) })).toBe(0);
    await deleteExpiredEvidence(db, { now: new Date(decidedAt.getTime() + 8 * 86_400_000) });
    const [deleted] = await db.select().from(identityEvidence).where(eq(identityEvidence.id, stored!.id));
    expect(deleted!.deletedAt).not.toBeNull();
    expect(await getStorage().exists(evidenceObjectKey(stored!.storageKey))).toBe(false);
    const events = await listEvents(db, { requestId: request.id });
    expect(events.find((event) => event.action === 'identity_evidence_deleted')).toMatchObject({ details: { evidenceId: stored!.id } });
    expect(events.find((event) => event.action === 'identity_checked_by_staff')).toMatchObject({ details: { evidenceFiles: 1 } });
  });
});

describe('the request row', () => {
  it('keeps no data point the requester typed', async () => {
    const { request, statusToken } = await requestFromShopCustomer('deletion');
    await submitDataPoints(db, { input: { token: statusToken, phone: '0123 456 789', postcode: 'ZZ9 9ZZ' }, ip: null });
    const [row] = await db.select().from(requests).where(eq(requests.id, request.id));
    expect(JSON.stringify(row)).not.toMatch(/ZZ9|456 789/);
  });
});
