import { and, asc, count, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { listActiveStaffByRole } from '@/db/queries/staff-members';
import { deliveryAlerts, outboundEmails, requests } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { enqueueEmail } from './enqueue-email';
import { ALERT_AFTER_ATTEMPTS } from './record-delivery-failure';

/**
 * The digest runs this long after the first email reached ALERT_AFTER_ATTEMPTS: past that
 * email's next retry (graphile-worker waits e^5 s ≈ 2.5 min), so a mail server that came
 * back in time leaves nothing to alert about, and the alert never overtakes the mail.
 */
export const DIGEST_DELAY_MS = 5 * 60_000;
/** At most one digest per admin in this window: an outage gives one alert, not one per email. */
export const INCIDENT_WINDOW_MS = 60 * 60_000;

/** Queues the digest on the caller's transaction; while one is waiting, more failures leave its time alone. */
export async function scheduleDeliveryAlertDigest(tx: DatabaseOrTransaction, { now }: { now: Date }): Promise<void> {
  await enqueueJob(
    tx,
    'send-delivery-alert-digest',
    {},
    { jobKey: 'delivery-alert-digest', jobKeyMode: 'preserve_run_at', runAt: new Date(now.getTime() + DIGEST_DELAY_MS) },
  );
}

/**
 * Emails every active admin once about the emails that still fail (ALERT_AFTER_ATTEMPTS
 * or more attempts, not yet sent), naming how many and the oldest one. Nothing when none
 * fail any more or a digest went out within the incident window. Returns how many emails
 * the digest named (0 when none was sent).
 */
export async function sendDeliveryAlertDigest(db: Database, { now }: { now: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    // Serialises two digests (two workers, a retried job) so only one sees "no recent alert".
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dsr-desk:delivery-alert-digest'))`);
    const [recent] = await tx
      .select({ id: deliveryAlerts.id })
      .from(deliveryAlerts)
      .where(gte(deliveryAlerts.sentAt, new Date(now.getTime() - INCIDENT_WINDOW_MS)))
      .limit(1);
    if (recent) return 0;
    const failing = and(
      eq(outboundEmails.status, 'pending'),
      gte(outboundEmails.attempts, ALERT_AFTER_ATTEMPTS),
      ne(outboundEmails.template, 'delivery-failure-alert'),
    );
    const [{ failingCount } = { failingCount: 0 }] = await tx.select({ failingCount: count() }).from(outboundEmails).where(failing);
    if (failingCount === 0) return 0;
    const [oldest] = await tx
      .select({
        template: outboundEmails.template,
        attempts: outboundEmails.attempts,
        lastError: outboundEmails.lastError,
        reference: requests.reference,
      })
      .from(outboundEmails)
      .leftJoin(requests, eq(requests.id, outboundEmails.requestId))
      .where(failing)
      .orderBy(desc(outboundEmails.attempts), asc(outboundEmails.createdAt))
      .limit(1);
    const { organisationName } = await getOrganisationSettings(tx);
    const reference = oldest?.reference ?? null;
    for (const admin of await listActiveStaffByRole(tx, { role: 'admin' })) {
      await enqueueEmail(tx, {
        requestId: null,
        to: admin.email,
        payload: {
          template: 'delivery-failure-alert',
          version: 1,
          props: {
            organisationName,
            reference,
            template: oldest?.template ?? 'unknown',
            attempts: oldest?.attempts ?? ALERT_AFTER_ATTEMPTS,
            lastError: (oldest?.lastError ?? 'unknown').replace(/[\r\n]+/g, ' ').slice(0, 200),
            requestUrl: reference ? `${env().APP_URL}/staff/requests/${reference}` : null,
            failingCount,
          },
        },
      });
    }
    await tx.insert(deliveryAlerts).values({ sentAt: now, failingCount });
    return failingCount;
  });
}
