import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentAffectedPeople, incidents } from '@/db/schema';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { decryptAffectedEmail } from './affected-email-box';

/** People whose notice is put in the outbox per job: one transaction each, so the list is never all in memory. */
export const NOTICE_BATCH_SIZE = 200;

/**
 * Puts the next batch of an incident's notices in the outbox, each person's email once (the
 * row records its outbox email, and rows locked by another worker are skipped), then queues
 * itself again while people remain. The outbox delivers and retries each email like any request
 * email; its status is the delivery's (sent, or failed when the address bounced).
 */
export async function queueNoticeBatch(db: Database, { incidentId }: { incidentId: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const [incident] = await tx.select().from(incidents).where(eq(incidents.id, incidentId));
    if (!incident?.notice || !incident.noticeSentAt || incident.affectedListDeletedAt) return 0;
    const batch = await tx
      .select({ id: incidentAffectedPeople.id, emailCiphertext: incidentAffectedPeople.emailCiphertext })
      .from(incidentAffectedPeople)
      .where(and(eq(incidentAffectedPeople.incidentId, incidentId), isNull(incidentAffectedPeople.outboundEmailId)))
      .orderBy(incidentAffectedPeople.id)
      .limit(NOTICE_BATCH_SIZE)
      .for('update', { skipLocked: true });
    if (batch.length === 0) return 0;
    const { organisationName } = await getOrganisationSettings(tx);
    const now = new Date();
    for (const person of batch) {
      const outboundEmailId = await enqueueEmail(tx, {
        requestId: null,
        to: decryptAffectedEmail(incidentId, person.emailCiphertext),
        payload: {
          template: 'incident-notice',
          version: 1,
          props: { organisationName, reference: incident.reference, ...incident.notice },
        },
      });
      await tx.update(incidentAffectedPeople).set({ outboundEmailId, noticeQueuedAt: now }).where(eq(incidentAffectedPeople.id, person.id));
    }
    if (batch.length === NOTICE_BATCH_SIZE) await enqueueJob(tx, 'send-incident-notices', { incidentId });
    return batch.length;
  });
}
