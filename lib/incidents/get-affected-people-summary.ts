import { and, desc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { dataSources, type IncidentRow, incidentAffectedPeople, incidentLookups, outboundEmails } from '@/db/schema';
import { actorCan, assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { decryptAffectedEmail } from './affected-email-box';

/** Bounced addresses shown on the incident page at most. */
const FAILURES_SHOWN = 50;

export type NoticeProgress = { listed: number; queued: number; sent: number; bounced: number; retrying: number };

/**
 * For the incident page and its report: each search for affected people (by source), how many are
 * on the list, and how the notice's deliveries stand: sent, bounced (refused for good), retrying
 * (failed at least once, will try again). Staff who manage incidents also see the bounced addresses.
 */
export async function getAffectedPeopleSummary(
  db: DatabaseOrTransaction,
  { actor, incident }: { actor: StaffActor; incident: Pick<IncidentRow, 'id'> },
) {
  assertCan(actor, 'incidents.read');
  const lookups = await db
    .select({
      id: incidentLookups.id,
      sourceId: incidentLookups.sourceId,
      sourceName: dataSources.name,
      filter: incidentLookups.filter,
      status: incidentLookups.status,
      peopleFound: incidentLookups.peopleFound,
      peopleAdded: incidentLookups.peopleAdded,
      peopleRejected: incidentLookups.peopleRejected,
      error: incidentLookups.error,
      createdAt: incidentLookups.createdAt,
      finishedAt: incidentLookups.finishedAt,
    })
    .from(incidentLookups)
    .innerJoin(dataSources, eq(dataSources.id, incidentLookups.sourceId))
    .where(eq(incidentLookups.incidentId, incident.id))
    .orderBy(desc(incidentLookups.createdAt));
  const [progress] = await db
    .select({
      listed: sql<number>`count(*)::int`,
      queued: sql<number>`count(${incidentAffectedPeople.outboundEmailId})::int`,
      sent: sql<number>`count(*) filter (where ${outboundEmails.status} = 'sent')::int`,
      bounced: sql<number>`count(*) filter (where ${outboundEmails.status} = 'failed')::int`,
      retrying: sql<number>`count(*) filter (where ${outboundEmails.status} = 'pending' and ${outboundEmails.lastError} is not null)::int`,
    })
    .from(incidentAffectedPeople)
    .leftJoin(outboundEmails, eq(outboundEmails.id, incidentAffectedPeople.outboundEmailId))
    .where(eq(incidentAffectedPeople.incidentId, incident.id));
  const failures = actorCan(actor, 'incidents.manage')
    ? (
        await db
          .select({
            emailCiphertext: incidentAffectedPeople.emailCiphertext,
            status: outboundEmails.status,
            error: outboundEmails.lastError,
          })
          .from(incidentAffectedPeople)
          .innerJoin(outboundEmails, eq(outboundEmails.id, incidentAffectedPeople.outboundEmailId))
          .where(
            and(
              eq(incidentAffectedPeople.incidentId, incident.id),
              sql`(${outboundEmails.status} = 'failed' or (${outboundEmails.status} = 'pending' and ${outboundEmails.lastError} is not null))`,
            ),
          )
          .orderBy(incidentAffectedPeople.id)
          .limit(FAILURES_SHOWN)
      ).map((row) => ({
        email: decryptAffectedEmail(incident.id, row.emailCiphertext),
        state: row.status === 'failed' ? ('bounced' as const) : ('retrying' as const),
        error: row.error ?? '',
      }))
    : [];
  return { lookups, progress: progress as NoticeProgress, failures };
}

export type AffectedPeopleSummary = Awaited<ReturnType<typeof getAffectedPeopleSummary>>;
