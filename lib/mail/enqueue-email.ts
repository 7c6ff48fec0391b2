import { randomUUID } from 'node:crypto';
import type { DatabaseOrTransaction } from '@/db/client';
import { outboundEmails } from '@/db/schema';
import type { TEmailPayload } from '@/emails/templates';
import { enqueueJob } from '@/lib/jobs/enqueue-job';

export type EnqueueEmailOptions = { requestId: string | null; to: string; payload: TEmailPayload };

/**
 * Puts an email in the outbox on the caller's transaction. Nothing is sent here:
 * the worker delivers it after commit, so a rolled-back change sends nothing and
 * a crash after commit still sends it. Returns the outbox row's id, for callers that track the delivery.
 */
export async function enqueueEmail(tx: DatabaseOrTransaction, options: EnqueueEmailOptions): Promise<string> {
  const id = randomUUID();
  await tx.insert(outboundEmails).values({
    id,
    requestId: options.requestId,
    template: options.payload.template,
    recipient: options.to,
    payload: options.payload,
    messageId: `<${id}@dsr-desk>`,
  });
  await queueDelivery(tx, { outboundEmailId: id });
  return id;
}

/**
 * (Re)queues the delivery job of an outbox row to run now (or at `runAt`). The job key makes a second
 * enqueue of the same row replace the waiting job (moving a backed-off retry up) rather
 * than add another.
 */
export async function queueDelivery(
  tx: DatabaseOrTransaction,
  { outboundEmailId, runAt }: { outboundEmailId: string; runAt?: Date },
): Promise<void> {
  await enqueueJob(tx, 'deliver-email', { outboundEmailId }, { jobKey: `email:${outboundEmailId}`, runAt });
}
