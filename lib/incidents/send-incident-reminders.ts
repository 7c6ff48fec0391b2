import { and, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { listActiveStaffByRole } from '@/db/queries/staff-members';
import { type IncidentRow, incidentReminders, incidents } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { reminderHours } from './breach-notification-rules';
import { computeRegulatorClocks, describeDuration, type RegulatorClock } from './compute-regulator-clock';

const HOUR = 60 * 60 * 1000;

/** A reminder reached: its key in incident_reminders, and the email it sends (null: only marked as passed). */
type DueReminder = { kind: string; clock: RegulatorClock; emailKind: 'reminder' | 'overdue' | null };

/** Which reminders an incident's clocks have reached: 48 h and 66 h into a 72-hour clock, and each regime's overdue alert. */
function remindersDue(clocks: RegulatorClock[], elapsedMs: number): DueReminder[] {
  const due: DueReminder[] = [];
  const hourly = clocks.find((clock) => clock.rule.window.kind === 'hours' && clock.state === 'running');
  if (hourly) {
    // Only the latest threshold reached is emailed; an earlier one passed meanwhile (the worker was down) is marked, not sent.
    const reached = reminderHours.filter((hours) => elapsedMs >= hours * HOUR);
    for (const [index, hours] of reached.entries())
      due.push({ kind: `${hours}h`, clock: hourly, emailKind: index === reached.length - 1 ? 'reminder' : null });
  }
  for (const clock of clocks)
    if (clock.state === 'overdue') due.push({ kind: `overdue:${clock.rule.regime}`, clock, emailKind: 'overdue' });
  return due;
}

function formatDeadline(deadline: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(deadline)} (${timeZone})`;
}

/**
 * The regulator-clock watch, every few minutes: emails all admins when an incident still
 * without a regulator decision reaches 48 h and 66 h of a 72-hour clock, and once when any
 * regime's deadline passes. Each (incident, reminder) is inserted into incident_reminders
 * with ON CONFLICT DO NOTHING in the same transaction as its emails, so it fires once however
 * many workers run this. Returns the number of emails queued.
 */
export async function sendIncidentReminders(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { TIME_ZONE, APP_URL } = env();
  const waiting: IncidentRow[] = await db
    .select()
    .from(incidents)
    .where(and(isNull(incidents.regulatorDecision), isNull(incidents.closedAt)));
  let queued = 0;
  for (const incident of waiting) {
    const clocks = computeRegulatorClocks(incident, { now, timeZone: TIME_ZONE });
    const due = remindersDue(clocks, now.getTime() - incident.discoveredAt.getTime());
    if (due.length === 0) continue;
    queued += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(incidentReminders)
        .values(due.map(({ kind }) => ({ incidentId: incident.id, kind, sentAt: now })))
        .onConflictDoNothing()
        .returning({ kind: incidentReminders.kind });
      const toSend = due.filter((reminder) => reminder.emailKind !== null && inserted.some((row) => row.kind === reminder.kind));
      if (toSend.length === 0) return 0;
      const { organisationName } = await getOrganisationSettings(tx);
      const admins = await listActiveStaffByRole(tx, { role: 'admin' });
      for (const { clock, emailKind } of toSend as (DueReminder & { emailKind: 'reminder' | 'overdue' })[]) {
        for (const admin of admins) {
          await enqueueEmail(tx, {
            requestId: null,
            to: admin.email,
            payload: {
              template: 'incident-clock',
              version: 1,
              props: {
                organisationName,
                reference: incident.reference,
                title: incident.title.replace(/[\r\n]+/g, ' ').slice(0, 150),
                kind: emailKind,
                regimeLabel: clock.rule.label,
                authority: clock.rule.authority,
                citation: clock.rule.citation,
                deadline: formatDeadline(clock.deadline!, TIME_ZONE),
                timeLeft: describeDuration(clock.remainingMs ?? 0),
                incidentUrl: `${APP_URL}/staff/incidents/${incident.reference}`,
              },
            },
          });
        }
      }
      return toSend.length * admins.length;
    });
  }
  return queued;
}
