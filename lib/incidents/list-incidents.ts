import { desc } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { incidents } from '@/db/schema';
import { env } from '@/lib/env';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { computeRegulatorClocks } from './compute-regulator-clock';

/** The newest incidents with their clocks, for the incidents page. The register export has them all. */
export const INCIDENT_LIST_LIMIT = 200;

export async function listIncidents(db: DatabaseOrTransaction, { actor, now = new Date() }: { actor: StaffActor; now?: Date }) {
  assertCan(actor, 'incidents.read');
  const rows = await db.select().from(incidents).orderBy(desc(incidents.discoveredAt), desc(incidents.id)).limit(INCIDENT_LIST_LIMIT);
  const { TIME_ZONE } = env();
  return rows.map((incident) => ({ incident, clocks: computeRegulatorClocks(incident, { now, timeZone: TIME_ZONE }) }));
}
