import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { incidentAffectedPeople, incidents, outboundEmails } from '@/db/schema';
import type { TIncidentNotice } from '@/lib/validation/incident-notice';

export type RequesterNotice = { reference: string; sentAt: Date; notice: TIncidentNotice };

/**
 * The breach notices delivered to an address, for the requester's status page. Matched by the
 * keyed hash of the normalised address that the request already holds (requests.emailHash,
 * lib/security/keyed-hash.ts), so no plain address is compared; only notices that reached the
 * address (sent, not bounced) are shown.
 */
export async function findNoticesForRequester(db: DatabaseOrTransaction, { emailHash }: { emailHash: string }): Promise<RequesterNotice[]> {
  const rows = await db
    .select({ reference: incidents.reference, sentAt: outboundEmails.sentAt, notice: incidents.notice })
    .from(incidentAffectedPeople)
    .innerJoin(incidents, eq(incidents.id, incidentAffectedPeople.incidentId))
    .innerJoin(outboundEmails, eq(outboundEmails.id, incidentAffectedPeople.outboundEmailId))
    .where(and(eq(incidentAffectedPeople.emailHash, emailHash), eq(outboundEmails.status, 'sent'), isNotNull(incidents.notice)))
    .orderBy(desc(outboundEmails.sentAt));
  return rows.map((row) => ({ reference: row.reference, sentAt: row.sentAt!, notice: row.notice! }));
}
