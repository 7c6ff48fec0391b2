import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outboundEmails, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';

/**
 * "Retry" on a flagged request: every undelivered email of it is scheduled again
 * now. The job key replaces a job still waiting out its backoff, and a row that
 * got sent meanwhile is skipped by the worker, so nothing is sent twice.
 */
export async function retryRequestEmails(db: Database, { actor, reference }: { actor: StaffActor; reference: string }): Promise<number> {
  return changeRequest(
    db,
    { actor, permission: 'requests.work', reference, expectedVersion: null, bumpsVersion: false },
    async (tx, request) => {
      const stuck = await tx
        .select({ id: outboundEmails.id })
        .from(outboundEmails)
        .where(and(eq(outboundEmails.requestId, request.id), eq(outboundEmails.status, 'pending'), gt(outboundEmails.attempts, 0)));
      for (const email of stuck) await enqueueJob(tx, 'deliver-email', { outboundEmailId: email.id }, { jobKey: `email:${email.id}` });
      await tx.update(requests).set({ lastError: null }).where(eq(requests.id, request.id));
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'staff', staffId: actor.staffId },
        action: 'retry_requested',
        details: { emails: stuck.length },
      });
      return stuck.length;
    },
  );
}
