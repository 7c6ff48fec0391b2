import type { Database } from '@/db/client';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { getAffectedPeopleSummary } from './get-affected-people-summary';
import { getIncident } from './get-incident';
import { incidentEventLabels } from './incident-event-labels';
import { previewIncidentNotice } from './preview-incident-notice';

/**
 * Everything the incident report shows (the report the privacy policies promise): the facts, the
 * timeline, the regulator clocks and decision, the people found by system and the kinds of data
 * involved, the notice as sent and its deliveries. Counts only, never an address.
 */
export async function getIncidentReport(
  db: Database,
  { actor, reference, now = new Date() }: { actor: StaffActor; reference: string; now?: Date },
) {
  assertCan(actor, 'incidents.read');
  const detail = await getIncident(db, { actor, reference, now });
  const { lookups, progress } = await getAffectedPeopleSummary(db, { actor, incident: detail.incident });
  const bySource = new Map<string, { sourceName: string; peopleFound: number; peopleAdded: number; searches: number }>();
  for (const lookup of lookups.filter((entry) => entry.status === 'done')) {
    const current = bySource.get(lookup.sourceId) ?? { sourceName: lookup.sourceName, peopleFound: 0, peopleAdded: 0, searches: 0 };
    current.peopleFound += lookup.peopleFound;
    current.peopleAdded += lookup.peopleAdded;
    current.searches += 1;
    bySource.set(lookup.sourceId, current);
  }
  const notice = await previewIncidentNotice(db, { actor, incident: detail.incident });
  const peopleAffected = [...bySource.values()].reduce((total, source) => total + source.peopleAdded, 0);
  return {
    ...detail,
    timeline: detail.events.map((event) => ({
      at: event.createdAt,
      label: incidentEventLabels[event.action] ?? event.action,
      by: event.actorName || event.actorEmail || null,
    })),
    peopleAffected,
    countsBySource: [...bySource.values()],
    /** Each kind of data involved, with the people it may concern: everyone found in the systems involved (the map does not say which person's row held which kind). */
    countsByCategory: detail.incident.dataCategories.map((category) => ({ category, people: peopleAffected })),
    notice: detail.incident.noticeSentAt && notice ? { ...notice, sentAt: detail.incident.noticeSentAt } : null,
    deliveries: progress,
  };
}

export type IncidentReport = Awaited<ReturnType<typeof getIncidentReport>>;
