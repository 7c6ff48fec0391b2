import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { dataSources, incidentDocuments, incidents, requestEvents, staffMembers } from '@/db/schema';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { computeRegulatorClocks } from './compute-regulator-clock';

/** One incident for its page: the record, the systems involved by name, its documents, its clocks and its audit events, oldest first. */
export async function getIncident(
  db: DatabaseOrTransaction,
  { actor, reference, now = new Date() }: { actor: StaffActor; reference: string; now?: Date },
) {
  assertCan(actor, 'incidents.read');
  const [incident] = await db.select().from(incidents).where(eq(incidents.reference, reference));
  if (!incident) throw new AppError('NOT_FOUND', 'No such incident.');
  const sources = incident.sourceIds.length
    ? await db.select({ id: dataSources.id, name: dataSources.name }).from(dataSources).where(inArray(dataSources.id, incident.sourceIds))
    : [];
  const events = await db
    .select({
      id: requestEvents.id,
      action: requestEvents.action,
      createdAt: requestEvents.createdAt,
      details: requestEvents.details,
      actorName: staffMembers.name,
      actorEmail: staffMembers.email,
    })
    .from(requestEvents)
    .leftJoin(staffMembers, sql`${staffMembers.id}::text = ${requestEvents.actorId}`)
    // Matches the partial index request_events_by_incident (migration 0010).
    .where(
      and(
        isNull(requestEvents.requestId),
        sql`${requestEvents.details} ? 'incidentId'`,
        sql`${requestEvents.details}->>'incidentId' = ${incident.id}`,
      ),
    )
    .orderBy(asc(requestEvents.id));
  const documents = await db
    .select({
      id: incidentDocuments.id,
      kind: incidentDocuments.kind,
      fileName: incidentDocuments.fileName,
      sizeBytes: incidentDocuments.sizeBytes,
      sha256: incidentDocuments.sha256,
      createdAt: incidentDocuments.createdAt,
    })
    .from(incidentDocuments)
    .where(eq(incidentDocuments.incidentId, incident.id))
    .orderBy(asc(incidentDocuments.createdAt));
  return { incident, sources, events, documents, clocks: computeRegulatorClocks(incident, { now, timeZone: env().TIME_ZONE }) };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;
