import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incidents, outboundEmails, requestEvents, staffMembers } from '@/db/schema';
import { env } from '@/lib/env';
import type { TIncidentForm } from '@/lib/validation/incident';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { exportIncidentRegister } from './export-incident-register';
import { getIncident } from './get-incident';
import { listIncidents } from './list-incidents';
import { openIncident } from './open-incident';
import { recordRegulatorDecision } from './record-regulator-decision';
import { sendIncidentReminders } from './send-incident-reminders';
import { updateIncident } from './update-incident';
import { toWallClockTime } from './zoned-date-time';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;

function aBreach(overrides: Partial<TIncidentForm> = {}, discoveredAt = new Date()): TIncidentForm {
  return {
    title: 'Customer export left on a public file share',
    description: 'A CSV of customers was reachable without sign-in for two days.',
    discoveredAt: toWallClockTime(discoveredAt, env().TIME_ZONE),
    startedAt: undefined,
    regimes: ['eu_gdpr', 'uk_gdpr'],
    sourceIds: [],
    dataCategories: ['contact'],
    likelyConsequences: 'Phishing aimed at the customers named.',
    measuresTaken: 'The share was closed.',
    ...overrides,
  };
}

async function incidentByReference(reference: string) {
  const [row] = await db.select().from(incidents).where(eq(incidents.reference, reference));
  return row!;
}

/** The regulator-clock emails queued about one incident, as [kind, recipient]. */
async function clockEmails(reference: string) {
  const rows = await db
    .select({ payload: outboundEmails.payload, recipient: outboundEmails.recipient })
    .from(outboundEmails)
    .where(and(eq(outboundEmails.template, 'incident-clock'), sql`${outboundEmails.payload}->'props'->>'reference' = ${reference}`));
  return rows.map((row) => [(row.payload as { props: { kind: string } }).props.kind, row.recipient]);
}

async function activeAdminCount() {
  return (
    await db
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.role, 'admin'), eq(staffMembers.isActive, true)))
  ).length;
}

describe('[admin] records a breach', () => {
  it('stores it with a reference, an audit event naming the incident, and clocks counted from awareness', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const discoveredAt = new Date(Date.now() - 2 * HOUR);

    const reference = await openIncident(db, { actor: admin, input: aBreach({}, discoveredAt) });

    expect(reference).toMatch(/^INC-\d{4}-\d{4,}$/);
    const incident = await incidentByReference(reference);
    expect(incident).toMatchObject({
      title: 'Customer export left on a public file share',
      regimes: ['eu_gdpr', 'uk_gdpr'],
      regulatorDecision: null,
      openedBy: admin.staffId,
    });
    // Typed to the minute in the organisation's zone.
    expect(Math.abs(incident.discoveredAt.getTime() - discoveredAt.getTime())).toBeLessThan(60_000);
    const { events, clocks } = await getIncident(db, { actor: admin, reference });
    expect(events.map((event) => event.action)).toEqual(['incident_opened']);
    expect(clocks.map((clock) => clock.state)).toEqual(['running', 'running']);
  });

  it('refuses an awareness in the future and a start after awareness, with the field named', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const future = await refusal(openIncident(db, { actor: admin, input: aBreach({}, new Date(Date.now() + 2 * HOUR)) }));
    expect(future).toMatchObject({ code: 'VALIDATION', details: { field: 'discoveredAt' } });
    const now = new Date();
    const backwards = await refusal(
      openIncident(db, {
        actor: admin,
        input: aBreach({ startedAt: toWallClockTime(new Date(now.getTime() + 30 * 60_000), env().TIME_ZONE) }, now),
      }),
    );
    expect(backwards).toMatchObject({ code: 'VALIDATION', details: { field: 'startedAt' } });
  });

  it('edits it with the version it read: a stale save is refused, the event names the fields changed', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const reference = await openIncident(db, { actor: admin, input: aBreach() });
    const { incident } = await getIncident(db, { actor: admin, reference });
    const edited = {
      ...aBreach({ measuresTaken: 'Share closed; passwords reset.' }, incident.discoveredAt),
      reference,
      version: incident.version,
    };

    await updateIncident(db, { actor: admin, input: edited });
    expect(await refusal(updateIncident(db, { actor: admin, input: edited }))).toMatchObject({ code: 'CONFLICT' });

    const after = await getIncident(db, { actor: admin, reference });
    expect(after.incident.measuresTaken).toBe('Share closed; passwords reset.');
    expect(after.events.at(-1)).toMatchObject({ action: 'incident_updated', details: { fields: ['measuresTaken'] } });
  });
});

describe('the regulator decision', () => {
  it('stops the clock once: a notification with its reference, and a second decision is refused', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const reference = await openIncident(db, { actor: admin, input: aBreach({}, new Date(Date.now() - 5 * HOUR)) });
    const { incident } = await getIncident(db, { actor: admin, reference });

    await recordRegulatorDecision(db, {
      actor: admin,
      input: {
        decision: 'notified',
        reference,
        version: incident.version,
        notifiedAt: toWallClockTime(new Date(), env().TIME_ZONE),
        method: 'ICO online form',
        regulatorReference: 'ICO-123',
      },
    });

    const after = await getIncident(db, { actor: admin, reference });
    expect(after.incident).toMatchObject({
      regulatorDecision: 'notified',
      regulatorMethod: 'ICO online form',
      regulatorReference: 'ICO-123',
    });
    expect(after.clocks.every((clock) => clock.state === 'stopped')).toBe(true);
    expect(after.events.at(-1)?.action).toBe('incident_regulator_notified');
    const again = await refusal(
      recordRegulatorDecision(db, {
        actor: admin,
        input: { decision: 'not_required', reference, version: after.incident.version, reason: 'No risk.' },
      }),
    );
    expect(again.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a notification dated before awareness', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const discoveredAt = new Date(Date.now() - 5 * HOUR);
    const reference = await openIncident(db, { actor: admin, input: aBreach({}, discoveredAt) });
    const { incident } = await getIncident(db, { actor: admin, reference });
    const early = toWallClockTime(new Date(discoveredAt.getTime() - 2 * HOUR), env().TIME_ZONE);
    const refused = await refusal(
      recordRegulatorDecision(db, {
        actor: admin,
        input: { decision: 'notified', reference, version: incident.version, notifiedAt: early, method: 'Email', regulatorReference: '' },
      }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { field: 'notifiedAt' } });
  });
});

describe('[system] reminds admins of the regulator clock', () => {
  it('emails every admin at 48 h and 66 h and once when overdue, never twice, and nothing after a decision', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const discoveredAt = new Date(Date.now() - HOUR);
    const reference = await openIncident(db, { actor: admin, input: aBreach({ regimes: ['eu_gdpr'] }, discoveredAt) });
    const at = (hours: number) => new Date(discoveredAt.getTime() + hours * HOUR);
    const admins = await activeAdminCount();

    await sendIncidentReminders(db, { now: at(47) });
    expect(await clockEmails(reference)).toHaveLength(0);
    await sendIncidentReminders(db, { now: at(48.1) });
    await sendIncidentReminders(db, { now: at(50) });
    expect((await clockEmails(reference)).filter(([kind]) => kind === 'reminder')).toHaveLength(admins);
    expect((await clockEmails(reference)).map(([, to]) => to)).toContain(admin.email);
    await sendIncidentReminders(db, { now: at(66.5) });
    await sendIncidentReminders(db, { now: at(73) });
    await sendIncidentReminders(db, { now: at(90) });
    const emails = await clockEmails(reference);
    expect(emails.filter(([kind]) => kind === 'reminder')).toHaveLength(2 * admins);
    expect(emails.filter(([kind]) => kind === 'overdue')).toHaveLength(admins);

    const decided = await createStaffMember(db, { role: 'admin' });
    const second = await openIncident(db, { actor: decided, input: aBreach({ regimes: ['eu_gdpr'] }, discoveredAt) });
    const { incident } = await getIncident(db, { actor: decided, reference: second });
    await recordRegulatorDecision(db, {
      actor: decided,
      input: { decision: 'not_required', reference: second, version: incident.version, reason: 'Encrypted laptop; key not lost.' },
    });
    await sendIncidentReminders(db, { now: at(80) });
    expect(await clockEmails(second)).toHaveLength(0);
  });

  it('after the worker was down past both thresholds, sends only the later reminder', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    // Whole minutes: the form takes awareness to the minute.
    const discoveredAt = new Date(Math.floor((Date.now() - HOUR) / 60_000) * 60_000);
    const reference = await openIncident(db, { actor: admin, input: aBreach({ regimes: ['uk_gdpr'] }, discoveredAt) });

    await sendIncidentReminders(db, { now: new Date(discoveredAt.getTime() + 67 * HOUR) });

    const emails = await clockEmails(reference);
    expect(emails.filter(([kind]) => kind === 'reminder')).toHaveLength(await activeAdminCount());
    const [first] = await db
      .select({ payload: outboundEmails.payload })
      .from(outboundEmails)
      .where(sql`${outboundEmails.payload}->'props'->>'reference' = ${reference}`);
    expect((first!.payload as { props: { timeLeft: string } }).props.timeLeft).toBe('5 hours');
  });
});

describe('who may do what', () => {
  it('agents and auditors cannot record or change a breach; auditors read incidents and the register, agents cannot', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });
    const auditor = await createStaffMember(db, { role: 'auditor' });
    const reference = await openIncident(db, { actor: admin, input: aBreach({ title: '=HYPERLINK("http://evil.example")' }) });
    const { incident } = await getIncident(db, { actor: admin, reference });

    for (const actor of [agent, auditor]) {
      expect((await refusal(openIncident(db, { actor, input: aBreach() }))).code).toBe('FORBIDDEN');
      expect((await refusal(updateIncident(db, { actor, input: { ...aBreach(), reference, version: incident.version } }))).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (
          await refusal(
            recordRegulatorDecision(db, { actor, input: { decision: 'not_required', reference, version: incident.version, reason: 'x' } }),
          )
        ).code,
      ).toBe('FORBIDDEN');
    }
    expect((await getIncident(db, { actor: admin, reference })).incident.version).toBe(incident.version);

    expect((await getIncident(db, { actor: auditor, reference })).incident.reference).toBe(reference);
    expect((await listIncidents(db, { actor: auditor })).some((row) => row.incident.reference === reference)).toBe(true);
    for (const refused of [
      getIncident(db, { actor: agent, reference }),
      listIncidents(db, { actor: agent }),
      exportIncidentRegister(db, { actor: agent }),
    ]) {
      expect((await refusal(refused)).code).toBe('FORBIDDEN');
    }

    const { csv, fileName } = await exportIncidentRegister(db, { actor: auditor });
    expect(fileName).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const line = csv.split('\n').find((row) => row.startsWith(reference));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(line).toContain('GDPR (EU/EEA); UK GDPR');
    expect(line).toContain('pending');
    const [exported] = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'incident_register_exported'), eq(requestEvents.actorId, auditor.staffId)));
    expect(exported).toBeDefined();
  });
});
