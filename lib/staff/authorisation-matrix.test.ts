import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findActiveStaffMember } from '@/db/queries/staff-members';
import { requestEvents, requestNotes, requests } from '@/db/schema';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { countExportRows } from '@/lib/audit/export-row-count';
import { defaultPolicies } from '@/lib/deadlines/default-policies';
import { getRequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import { applyBulkAction } from '@/lib/queue/apply-bulk-action';
import { claimNextRequest } from '@/lib/queue/claim-next-request';
import { listQueue } from '@/lib/queue/list-queue';
import { addNote } from '@/lib/requests/add-note';
import { assignRequest } from '@/lib/requests/assign-request';
import { extendDeadline } from '@/lib/requests/extend-deadline';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { getRequestDetail } from '@/lib/requests/get-request-detail';
import { rejectRequest } from '@/lib/requests/reject-request';
import { requestInformation } from '@/lib/requests/request-information';
import { retryRequestEmails } from '@/lib/requests/retry-request-emails';
import { startWork } from '@/lib/requests/start-work';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { updateJurisdictionPolicy } from '@/lib/settings/update-jurisdiction-policy';
import { updateOrganisationSettings } from '@/lib/settings/update-organisation-settings';
import { uniqueEmail } from '@/test/support/fixtures';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest } from '@/test/support/requests';
import { createStaffMember, createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest, type VerifiedRequest } from '@/test/support/verified-request';
import { createStaffAuthAdapter } from './auth-adapter';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { getAnnualDisclosure } from '@/lib/reports/get-annual-disclosure';
import { createDataSource } from '@/lib/data-sources/create-data-source';
import { getDataSource } from '@/lib/data-sources/get-data-source';
import { listDataSources } from '@/lib/data-sources/list-data-sources';
import { rotateSigningSecret } from '@/lib/data-sources/rotate-signing-secret';
import { setDataSourceEnabled } from '@/lib/data-sources/set-data-source-enabled';
import { updateDataSource } from '@/lib/data-sources/update-data-source';
import { aWebhookSourceInput } from '@/test/support/data-sources';
import { getRequestReport } from '@/lib/reports/get-request-report';
import { changeStaffRole } from './change-staff-role';
import { deactivateStaffMember } from './deactivate-staff-member';
import { inviteStaffMember } from './invite-staff-member';
import { listAssignableStaff } from './list-assignable-staff';
import { exportIncidentRegister } from '@/lib/incidents/export-incident-register';
import { getIncident } from '@/lib/incidents/get-incident';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { openIncident } from '@/lib/incidents/open-incident';
import { toWallClockTime } from '@/lib/incidents/zoned-date-time';
import type { StaffRole } from './permissions';
import type { StaffActor } from './staff-actor';

const db = useTestDatabase();

/** `source` is a webhook data source, switched off so no run elsewhere ever uses it. */
type Context = { actor: StaffActor; subject: VerifiedRequest; colleague: StaffActor; source: { slug: string; version: number } };
/**
 * `needs` says which fixtures a case uses, so the matrix only creates what it acts on.
 * `effect` checks, for an allowed role, that the use case did what it is for (the
 * refused cells check that nothing changed).
 */
type UseCase = {
  name: string;
  allowed: StaffRole[];
  needs?: ('request' | 'colleague' | 'source')[];
  run: (context: Context) => Promise<unknown>;
  effect: (context: Context, result: unknown) => Promise<void>;
};

const today = new Date().toISOString().slice(0, 10);

/** The subject request as stored now. */
const subjectNow = ({ subject }: Context) => getRequest(db, { id: subject.request.id });

/** The newest audit event with this action (of the subject request, or of the workspace), which must name the actor. */
async function expectEventBy({ actor, subject }: Context, action: string, { ofRequest = true }: { ofRequest?: boolean } = {}) {
  const [event] = await db
    .select()
    .from(requestEvents)
    .where(
      and(eq(requestEvents.action, action), ofRequest ? eq(requestEvents.requestId, subject.request.id) : isNull(requestEvents.requestId)),
    )
    .orderBy(desc(requestEvents.id))
    .limit(1);
  expect(event, `a ${action} event`).toMatchObject({ actorType: 'staff', actorId: actor.staffId });
}

// Written out by hand from the product's role descriptions, not derived from permissions.ts:
// the matrix is what the code is checked against.
const useCases: UseCase[] = [
  {
    name: 'start-work',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) => startWork(db, { actor, reference: subject.reference, version: subject.request.version }),
    effect: async (context) =>
      expect(await subjectNow(context)).toMatchObject({ status: 'in_progress', assigneeId: context.actor.staffId }),
  },
  {
    name: 'request-information',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) =>
      requestInformation(db, {
        actor,
        reference: subject.reference,
        version: subject.request.version,
        message: 'Please send proof of address.',
      }),
    effect: async (context) => {
      expect((await subjectNow(context)).status).toBe('awaiting_requester');
      await expectEventBy(context, 'information_requested');
    },
  },
  {
    name: 'extend-deadline',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) =>
      extendDeadline(db, { actor, reference: subject.reference, version: subject.request.version, reason: 'Eight years of records.' }),
    effect: async (context, result) => {
      const { dueOn } = result as { dueOn: string };
      expect(dueOn > context.subject.request.dueOn!).toBe(true);
      expect((await subjectNow(context)).dueOn).toBe(dueOn);
      await expectEventBy(context, 'deadline_extended');
    },
  },
  {
    name: 'fulfil-request',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) =>
      fulfilRequest(db, { actor, reference: subject.reference, version: subject.request.version, message: 'All erased.', files: [] }),
    effect: async (context) => {
      expect(await subjectNow(context)).toMatchObject({ status: 'fulfilled', responseMessage: 'All erased.' });
      await expectEventBy(context, 'fulfilled');
    },
  },
  {
    name: 'reject-request',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) =>
      rejectRequest(db, { actor, reference: subject.reference, version: subject.request.version, basis: 'spam' }),
    effect: async (context) => {
      expect(await subjectNow(context)).toMatchObject({ status: 'rejected', rejectionBasis: 'spam' });
      await expectEventBy(context, 'rejected');
    },
  },
  {
    name: 'assign-request',
    needs: ['request', 'colleague'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject, colleague }) =>
      assignRequest(db, { actor, reference: subject.reference, version: subject.request.version, assigneeId: colleague.staffId }),
    effect: async (context) => {
      expect((await subjectNow(context)).assigneeId).toBe(context.colleague.staffId);
      await expectEventBy(context, 'assigned');
    },
  },
  {
    name: 'add-note',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) => addNote(db, { actor, reference: subject.reference, body: 'Called the requester.' }),
    effect: async (context) => {
      const notes = await db.select().from(requestNotes).where(eq(requestNotes.requestId, context.subject.request.id));
      expect(notes).toEqual([expect.objectContaining({ body: 'Called the requester.', staffId: context.actor.staffId })]);
    },
  },
  {
    name: 'retry-request-emails',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) => retryRequestEmails(db, { actor, reference: subject.reference }),
    effect: async (context, result) => {
      expect(result).toBe(0);
      await expectEventBy(context, 'retry_requested');
    },
  },
  {
    name: 'file-on-behalf',
    allowed: ['admin', 'agent'],
    run: ({ actor }) =>
      fileOnBehalf(db, {
        actor,
        input: {
          type: 'access',
          email: uniqueEmail(),
          fullName: 'Grace Hopper',
          jurisdiction: 'uk_gdpr',
          intakeChannel: 'phone',
          identityCheck: 'Confirmed date of birth and last order number',
          receivedOn: today,
        },
      }),
    effect: async ({ actor }, result) => {
      const [filed] = await db
        .select()
        .from(requests)
        .where(eq(requests.reference, (result as { reference: string }).reference));
      expect(filed).toMatchObject({ channel: 'staff', status: 'new', assigneeId: actor.staffId, fullName: 'Grace Hopper' });
    },
  },
  {
    name: 'apply-bulk-action',
    needs: ['request'],
    allowed: ['admin', 'agent'],
    run: ({ actor, subject }) =>
      applyBulkAction(db, { actor, references: [subject.reference], bulk: { action: 'reject_spam', isConfirmed: true } }),
    effect: async (context, result) => {
      expect(result).toEqual([{ reference: context.subject.reference, isDone: true }]);
      expect(await subjectNow(context)).toMatchObject({ status: 'rejected', rejectionBasis: 'spam' });
    },
  },
  {
    name: 'claim-next-request',
    allowed: ['admin', 'agent'],
    run: ({ actor }) => claimNextRequest(db, { actor }),
    effect: async ({ actor }, result) => {
      // Earlier cells leave unassigned confirmed requests behind, so there is always one to claim.
      const [claimed] = await db
        .select()
        .from(requests)
        .where(eq(requests.reference, result as string));
      expect(claimed?.assigneeId).toBe(actor.staffId);
    },
  },
  {
    name: 'list-queue',
    allowed: ['admin', 'agent', 'auditor'],
    run: ({ actor }) => listQueue(db, { actor, filters: { status: 'all', dueSoon: false, overdue: false } }),
    effect: async (_context, result) => {
      const page = result as Awaited<ReturnType<typeof listQueue>>;
      expect(page.hasAnyRequests).toBe(true);
      expect(page.rows.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'get-request-fulfilment',
    needs: ['request'],
    allowed: ['admin', 'agent', 'auditor'],
    run: ({ actor, subject }) => getRequestFulfilment(db, { actor, requestId: subject.request.id }),
    effect: async (_context, result) =>
      expect(result).toMatchObject({ gather: null, dryRun: null, erase: null, enabledSources: expect.any(Object) }),
  },
  {
    name: 'get-request-detail',
    needs: ['request'],
    allowed: ['admin', 'agent', 'auditor'],
    run: ({ actor, subject }) => getRequestDetail(db, { actor, reference: subject.reference }),
    effect: async ({ subject }, result) => expect(result).toMatchObject({ id: subject.request.id, reference: subject.reference }),
  },
  {
    name: 'invite-staff-member',
    allowed: ['admin'],
    run: ({ actor }) => inviteStaffMember(db, { actor, input: { email: uniqueEmail('invitee'), name: 'New Colleague', role: 'agent' } }),
    effect: async (_context, result) =>
      expect(await findActiveStaffMember(db, { id: (result as { staffId: string }).staffId })).toMatchObject({
        role: 'agent',
        name: 'New Colleague',
      }),
  },
  {
    name: 'change-staff-role',
    needs: ['colleague'],
    allowed: ['admin'],
    run: ({ actor, colleague }) => changeStaffRole(db, { actor, staffId: colleague.staffId, role: 'auditor' }),
    effect: async ({ colleague }) => expect((await findActiveStaffMember(db, { id: colleague.staffId }))?.role).toBe('auditor'),
  },
  {
    name: 'deactivate-staff-member',
    needs: ['colleague'],
    allowed: ['admin'],
    run: ({ actor, colleague }) => deactivateStaffMember(db, { actor, staffId: colleague.staffId }),
    effect: async ({ colleague }) => expect(await findActiveStaffMember(db, { id: colleague.staffId })).toBeNull(),
  },
  {
    name: 'update-organisation-settings',
    allowed: ['admin'],
    run: async ({ actor }) => updateOrganisationSettings(db, { actor, input: { ...(await getOrganisationSettings(db)), downloadDays: 9 } }),
    effect: async (context) => {
      expect((await getOrganisationSettings(db)).downloadDays).toBe(9);
      await expectEventBy(context, 'settings_changed', { ofRequest: false });
    },
  },
  {
    name: 'update-jurisdiction-policy',
    allowed: ['admin'],
    run: ({ actor }) => updateJurisdictionPolicy(db, { actor, code: 'other', policy: defaultPolicies.other }),
    effect: async (context) => expectEventBy(context, 'policy_changed', { ofRequest: false }),
  },
  {
    name: 'export-audit-log',
    allowed: ['admin', 'auditor'],
    // The download holds a database connection until its body is read or cancelled.
    run: async ({ actor }) => {
      const download = await exportAuditLog(db, { actor, query: { log: 'events', format: 'csv', from: today, to: today } });
      await download.body.cancel();
      return download;
    },
    effect: async (context, result) => {
      expect(result).toMatchObject({ contentType: expect.stringContaining('text/csv'), rowCount: expect.any(Number) });
      await expectEventBy(context, 'audit_exported', { ofRequest: false });
    },
  },
  {
    name: 'count-export-rows',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => countExportRows(db, { actor, input: { log: 'requests', format: 'csv' } }),
    effect: async (_context, result) => expect(result).toBeGreaterThan(0),
  },
  {
    name: 'verify-audit-chain',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => verifyAuditChain(db, { actor }),
    effect: async (context, result) => {
      expect(result).toMatchObject({ isIntact: true, firstBreak: null });
      await expectEventBy(context, 'audit_chain_verified', { ofRequest: false });
    },
  },
  {
    name: 'get-request-report',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => getRequestReport(db, { actor, range: { from: '2026-01-01', to: '2026-12-31' } }),
    effect: async (_context, result) =>
      expect(result).toMatchObject({ range: { from: '2026-01-01', to: '2026-12-31' }, byMonth: expect.any(Array) }),
  },
  {
    name: 'get-annual-disclosure',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => getAnnualDisclosure(db, { actor, year: 2026 }),
    effect: async (_context, result) => expect(result).toMatchObject({ year: 2026, rows: expect.any(Array) }),
  },
  {
    name: 'list-data-sources',
    needs: ['source'],
    allowed: ['admin'],
    run: ({ actor }) => listDataSources(db, { actor }),
    effect: async ({ source }, result) => expect((result as { slug: string }[]).map((listed) => listed.slug)).toContain(source.slug),
  },
  {
    name: 'get-data-source',
    needs: ['source'],
    allowed: ['admin'],
    run: ({ actor, source }) => getDataSource(db, { actor, slug: source.slug }),
    effect: async ({ source }, result) => expect(result).toMatchObject({ slug: source.slug }),
  },
  {
    name: 'create-data-source',
    allowed: ['admin'],
    run: ({ actor }) => createDataSource(db, { actor, input: aWebhookSourceInput() }),
    effect: async ({ actor }, result) => {
      const { slug, signingSecret } = result as { slug: string; signingSecret: string | null };
      expect(signingSecret).toEqual(expect.any(String));
      expect(await getDataSource(db, { actor, slug })).toMatchObject({ slug });
    },
  },
  {
    name: 'update-data-source',
    needs: ['source'],
    allowed: ['admin'],
    run: ({ actor, source }) =>
      updateDataSource(db, {
        actor,
        slug: source.slug,
        version: source.version,
        input: {
          name: 'Renamed CRM',
          usedForAccess: true,
          usedForErasure: true,
          config: aWebhookSourceInput().config,
          connectionString: null,
        },
      }),
    effect: async ({ actor, source }) =>
      expect(await getDataSource(db, { actor, slug: source.slug })).toMatchObject({ name: 'Renamed CRM' }),
  },
  {
    name: 'set-data-source-enabled',
    needs: ['source'],
    allowed: ['admin'],
    run: ({ actor, source }) => setDataSourceEnabled(db, { actor, slug: source.slug, version: source.version, isEnabled: false }),
    effect: async ({ actor, source }) => expect(await getDataSource(db, { actor, slug: source.slug })).toMatchObject({ isEnabled: false }),
  },
  {
    name: 'rotate-signing-secret',
    needs: ['source'],
    allowed: ['admin'],
    run: ({ actor, source }) => rotateSigningSecret(db, { actor, slug: source.slug, version: source.version }),
    effect: async ({ actor, source }, result) => {
      expect((result as { signingSecret: string }).signingSecret).toEqual(expect.any(String));
      expect((await getDataSource(db, { actor, slug: source.slug }))?.version).toBe(source.version + 1);
    },
  },
  {
    name: 'open-incident',
    allowed: ['admin'],
    run: ({ actor }) =>
      openIncident(db, {
        actor,
        input: {
          title: 'Lost laptop',
          description: 'Unencrypted laptop left on a train.',
          discoveredAt: toWallClockTime(new Date(Date.now() - 60 * 60 * 1000), 'UTC'),
          regimes: ['uk_gdpr'],
          sourceIds: [],
          dataCategories: ['contact'],
          likelyConsequences: '',
          measuresTaken: '',
        },
      }),
    effect: async ({ actor }, result) => {
      const { incident, events } = await getIncident(db, { actor, reference: result as string });
      expect(incident).toMatchObject({ title: 'Lost laptop', regimes: ['uk_gdpr'], openedBy: actor.staffId });
      expect(events.map((event) => event.action)).toEqual(['incident_opened']);
    },
  },
  {
    name: 'list-incidents',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => listIncidents(db, { actor }),
    effect: async (_context, result) => expect(result).toEqual(expect.any(Array)),
  },
  {
    name: 'export-incident-register',
    allowed: ['admin', 'auditor'],
    run: ({ actor }) => exportIncidentRegister(db, { actor }),
    effect: async (_context, result) => expect((result as { csv: string }).csv).toMatch(/^reference,title,/),
  },
];

const roles: StaffRole[] = ['admin', 'agent', 'auditor'];
const matrix = roles.flatMap((role) =>
  useCases.map((useCase) => ({
    role,
    useCase: useCase.name,
    isAllowed: useCase.allowed.includes(role),
    needs: useCase.needs ?? [],
    run: useCase.run,
    effect: useCase.effect,
  })),
);

/** Everything any of these use cases could write, so a refusal can be shown to have written nothing. */
async function snapshotWorkspace(subject: VerifiedRequest | undefined) {
  const [totals] = await db.execute<Record<string, string>>(sql`
    select
      (select count(*) from requests)::text as requests,
      (select count(*) from request_events)::text as events,
      (select count(*) from request_notes)::text as notes,
      (select count(*) from outbound_emails)::text as emails,
      (select count(*) from graphile_worker.jobs)::text as jobs,
      (select count(*) from incidents)::text as incidents,
      (select md5(coalesce(string_agg(s::text, ',' order by s.id), '')) from staff_members s) as staff,
      (select md5(coalesce(string_agg(t::text, ',' order by t.key), '')) from settings t) as settings,
      (select md5(coalesce(string_agg(p::text, ',' order by p.code), '')) from jurisdiction_policies p) as policies,
      (select md5(coalesce(string_agg(d::text, ',' order by d.id), '')) from data_sources d) as sources,
      (select md5(coalesce(string_agg(r::text, ',' order by r.id), '')) from requests r where r.assignee_id is not null) as assignments`);
  return { totals, subject: subject ? await snapshotRequest(db, { id: subject.request.id }) : null };
}

describe('[staff] authorisation matrix: every role × every staff use case', () => {
  let team: Record<StaffRole, StaffActor>;
  beforeAll(async () => {
    team = await createStaffTeam(db);
  });

  it.each(matrix)('[$role] $useCase → allowed: $isAllowed', async ({ role, isAllowed, needs, run, effect }) => {
    // A fresh deletion request (no files needed to fulfil it) and a fresh colleague to act on.
    const [subject, colleague, source] = await Promise.all([
      needs.includes('request') ? createVerifiedRequest(db, { type: 'deletion', jurisdiction: 'eu_gdpr' }) : undefined,
      needs.includes('colleague') ? createStaffMember(db, { role: 'agent' }) : undefined,
      needs.includes('source')
        ? createDataSource(db, { actor: team.admin, input: aWebhookSourceInput() }).then(({ slug }) => ({ slug, version: 1 }))
        : undefined,
    ]);
    const context = { actor: team[role], subject: subject!, colleague: colleague!, source: source! };

    if (isAllowed) {
      await effect(context, await run(context));
      return;
    }
    const before = await snapshotWorkspace(subject);
    const error = await refusal(run(context));
    expect(error.code).toBe('FORBIDDEN');
    expect(await snapshotWorkspace(subject)).toEqual(before);
  });
});

describe('[agent] gives requests only to roles that work them (can(role, "requests.work"))', () => {
  it('lists admins and agents as assignable, never auditors, and refuses assigning to an auditor', async () => {
    const [agent, admin, auditor] = await Promise.all([
      createStaffMember(db, { role: 'agent' }),
      createStaffMember(db, { role: 'admin' }),
      createStaffMember(db, { role: 'auditor' }),
    ]);
    const assignable = (await listAssignableStaff(db, { actor: agent })).map((member) => member.id);
    expect(assignable).toEqual(expect.arrayContaining([agent.staffId, admin.staffId]));
    expect(assignable).not.toContain(auditor.staffId);

    const subject = await createVerifiedRequest(db, { type: 'access' });
    const error = await refusal(
      assignRequest(db, { actor: agent, reference: subject.reference, version: subject.request.version, assigneeId: auditor.staffId }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'assigneeId' } });
    expect((await getRequest(db, { id: subject.request.id })).assigneeId).toBeNull();
  });
});

describe('[deactivated] a deactivated staff member', () => {
  it('is no longer an active member, so getCurrentStaff never hands use cases an actor for them', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });
    expect(await findActiveStaffMember(db, { id: agent.staffId })).not.toBeNull();

    await deactivateStaffMember(db, { actor: admin, staffId: agent.staffId });

    expect(await findActiveStaffMember(db, { id: agent.staffId })).toBeNull();
  });

  it('loses their session at once: deactivation deletes it and the adapter no longer resolves it', async () => {
    const adapter = createStaffAuthAdapter(db);
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });
    const sessionToken = randomBytes(32).toString('hex');
    await adapter.createSession!({ sessionToken, userId: agent.staffId, expires: new Date(Date.now() + 60 * 60 * 1000) });
    expect(await adapter.getSessionAndUser!(sessionToken)).toMatchObject({ user: { id: agent.staffId } });

    await deactivateStaffMember(db, { actor: admin, staffId: agent.staffId });

    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
    expect(await adapter.getUser!(agent.staffId)).toBeNull();
    expect(await adapter.getUserByEmail!(agent.email)).toBeNull();
    const [remaining] = await db.execute<{ total: number }>(
      sql`select count(*)::int as total from staff_sessions where staff_id = ${agent.staffId}`,
    );
    expect(remaining!.total).toBe(0);
  });

  it('cannot sign in again: a session somehow created for them is not resolved while they are inactive', async () => {
    const adapter = createStaffAuthAdapter(db);
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });
    await deactivateStaffMember(db, { actor: admin, staffId: agent.staffId });
    const sessionToken = randomBytes(32).toString('hex');
    await adapter.createSession!({ sessionToken, userId: agent.staffId, expires: new Date(Date.now() + 60 * 60 * 1000) });

    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });
});
