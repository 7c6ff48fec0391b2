import type { Database } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { type AttemptLimit, enforceAttemptLimits } from '@/lib/security/enforce-attempt-limits';
import { keyedHash } from '@/lib/security/keyed-hash';
import { signInLimits } from './sign-in-limits';

export type RequestSignInLinkOptions = { email: string; callbackUrl: string; ip: string | null; now?: Date };

/**
 * The staff sign-in form's request for a magic link. It does the same work for
 * every address, member of staff or not: count the attempt and queue one job. The
 * worker (sendSignInLink) looks the address up and sends the link only to an
 * active member, after the answer has gone, so neither the answer nor its timing
 * tells who works here. The attempt and the job are one transaction: a refused
 * attempt queues nothing, and a queued job is always counted.
 */
export async function requestSignInLink(
  db: Database,
  { email, callbackUrl, ip, now = new Date() }: RequestSignInLinkOptions,
): Promise<void> {
  const identifier = email.trim().toLowerCase();
  const { perEmail, perIp } = signInLimits();
  const limits: AttemptLimit[] = [{ key: `staff-sign-in:email:${keyedHash('email', identifier)}`, ...perEmail }];
  if (ip) limits.push({ key: `staff-sign-in:ip:${keyedHash('ip', ip)}`, ...perIp });
  await db.transaction(async (tx) => {
    await enforceAttemptLimits(tx, {
      limits,
      now,
      message: 'Too many sign-in links have been asked for recently. Please wait a few minutes and try again.',
    });
    await enqueueJob(tx, 'send-staff-sign-in-link', { email: identifier, callbackUrl });
  });
}
