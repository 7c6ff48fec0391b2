import type { TaskList } from 'graphile-worker';
import { pruneIdempotencyKeys } from '@/lib/api/prune-idempotency-keys';
import { foldStatusCounts } from '@/lib/queue/fold-status-counts';
import { getDb } from '@/db/client';
import { sendDeadlineReminders } from '@/lib/deadlines/send-deadline-reminders';
import { buildPackage } from '@/lib/fulfilment/build-package';
import { deleteExpiredAttachments } from '@/lib/fulfilment/delete-expired-attachments';
import { deleteExpiredEvidence } from '@/lib/verification/delete-expired-evidence';
import { expireAwaitedCallbacks } from '@/lib/fulfilment/expire-awaited-callbacks';
import { deleteExpiredPackages } from '@/lib/fulfilment/delete-expired-packages';
import { runSource } from '@/lib/fulfilment/run-source';
import { sendProcessorReminders } from '@/lib/processors/send-processor-reminders';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import { sendDeliveryAlertDigest } from '@/lib/mail/send-delivery-alert-digest';
import { mergeDuplicateSubmission } from '@/lib/requests/merge-duplicate-submission';
import { minimiseClosedRequests } from '@/lib/requests/minimise-closed-requests';
import { sendIncidentReminders } from '@/lib/incidents/send-incident-reminders';
import { deleteExpiredAffectedLists } from '@/lib/incidents/delete-expired-affected-lists';
import { expireAwaitedLookups } from '@/lib/incidents/expire-awaited-lookups';
import { findAffectedPeople } from '@/lib/incidents/find-affected-people';
import { queueNoticeBatch } from '@/lib/incidents/queue-notice-batch';
import { pruneIntakeAttempts } from '@/lib/requests/prune-intake-attempts';
import { purgeExpiredRequests } from '@/lib/requests/purge-expired-requests';
import { sendStatusLinks } from '@/lib/requests/send-status-links';
import { sendSignInLink } from '@/lib/staff/send-sign-in-link';
import { deliverEventWebhook } from '@/lib/webhooks/deliver-event-webhook';
import type { JobName, JobPayloads } from './job-names';

/** Gathering and packaging: run by their own worker pool, never queued behind mail (lib/jobs/run-worker.ts). */
export const FULFILMENT_TASKS: ReadonlySet<string> = new Set<JobName>(['run-source', 'build-package', 'find-affected-people']);

export const taskList: TaskList = {
  'deliver-email': async (payload) => {
    await deliverOutboundEmail(getDb(), payload as JobPayloads['deliver-email']);
  },
  'send-staff-sign-in-link': async (payload) => {
    await sendSignInLink(getDb(), payload as JobPayloads['send-staff-sign-in-link']);
  },
  'send-delivery-alert-digest': async (_payload, helpers) => {
    const alerted = await sendDeliveryAlertDigest(getDb(), { now: new Date() });
    if (alerted > 0) helpers.logger.info(`alerted the admins: ${alerted} email(s) keep failing`);
  },
  'send-status-links': async (payload, helpers) => {
    const { emailHash, reference, ip } = payload as JobPayloads['send-status-links'];
    await sendStatusLinks(getDb(), { emailHash, reference, ip, jobId: helpers.job.id, now: new Date() });
  },
  'merge-duplicate-submission': async (payload, helpers) => {
    await mergeDuplicateSubmission(getDb(), { ...(payload as JobPayloads['merge-duplicate-submission']), jobId: helpers.job.id });
  },
  'purge-expired-requests': async (_payload, helpers) => {
    const purged = await purgeExpiredRequests(getDb(), { now: new Date() });
    if (purged > 0) helpers.logger.info(`purged ${purged} expired unverified request(s)`);
  },
  'send-incident-reminders': async (_payload, helpers) => {
    const sent = await sendIncidentReminders(getDb(), { now: new Date() });
    if (sent > 0) helpers.logger.info(`queued ${sent} breach regulator-clock email(s)`);
  },
  'send-deadline-reminders': async (_payload, helpers) => {
    const sent = await sendDeadlineReminders(getDb(), { now: new Date() });
    if (sent > 0) helpers.logger.info(`queued ${sent} deadline reminder(s)`);
  },
  'delete-expired-attachments': async (_payload, helpers) => {
    const deleted = await deleteExpiredAttachments(getDb(), { now: new Date() });
    if (deleted > 0) helpers.logger.info(`deleted ${deleted} expired fulfilment file(s)`);
  },
  'delete-expired-evidence': async (_payload, helpers) => {
    const deleted = await deleteExpiredEvidence(getDb(), { now: new Date() });
    if (deleted > 0) helpers.logger.info(`deleted ${deleted} identity document(s) past their retention`);
  },
  'minimise-closed-requests': async (_payload, helpers) => {
    const minimised = await minimiseClosedRequests(getDb(), { now: new Date() });
    if (minimised > 0) helpers.logger.info(`removed personal data from ${minimised} closed request(s) past the retention period`);
  },
  'delete-expired-packages': async (_payload, helpers) => {
    const { packages, stagingFolders } = await deleteExpiredPackages(getDb(), { now: new Date() });
    if (packages + stagingFolders > 0)
      helpers.logger.info(`deleted ${packages} unreleased data package(s) and ${stagingFolders} staging folder(s)`);
  },
  'run-source': async (payload) => {
    await runSource(getDb(), payload as JobPayloads['run-source']);
  },
  'build-package': async (payload) => {
    await buildPackage(getDb(), payload as JobPayloads['build-package']);
  },
  'expire-awaited-callbacks': async (_payload, helpers) => {
    const expired = await expireAwaitedCallbacks(getDb(), { now: new Date() });
    if (expired > 0) helpers.logger.info(`${expired} webhook job(s) got no callback in time and were marked failed`);
    const lookups = await expireAwaitedLookups(getDb(), { now: new Date() });
    if (lookups > 0) helpers.logger.info(`${lookups} breach search(es) got no webhook callback in time and were marked failed`);
  },
  'send-processor-reminders': async (_payload, helpers) => {
    const { reminded, cutOff } = await sendProcessorReminders(getDb(), { now: new Date() });
    if (reminded + cutOff > 0) helpers.logger.info(`processors: ${reminded} reminder(s) sent, ${cutOff} past their cut-off failed`);
  },
  'deliver-event-webhook': async (payload) => {
    await deliverEventWebhook(getDb(), payload as JobPayloads['deliver-event-webhook']);
  },
  'find-affected-people': async (payload) => {
    await findAffectedPeople(getDb(), payload as JobPayloads['find-affected-people']);
  },
  'send-incident-notices': async (payload) => {
    await queueNoticeBatch(getDb(), payload as JobPayloads['send-incident-notices']);
  },
  'delete-expired-affected-lists': async (_payload, helpers) => {
    const deleted = await deleteExpiredAffectedLists(getDb(), { now: new Date() });
    if (deleted > 0) helpers.logger.info(`deleted the affected-people lists of ${deleted} incident(s) past their retention`);
  },
  'prune-idempotency-keys': async () => {
    await pruneIdempotencyKeys(getDb(), { now: new Date() });
  },
  'prune-intake-attempts': async () => {
    await pruneIntakeAttempts(getDb(), { now: new Date() });
  },
  'fold-status-counts': async () => {
    await foldStatusCounts(getDb());
  },
};

/** Scheduled jobs (graphile-worker crontab syntax; `?fill=` catches up runs missed while no worker ran). */
export const crontab = [
  '0 * * * * purge-expired-requests ?fill=2h',
  '15 3 * * * prune-intake-attempts ?fill=1d',
  '20 * * * * prune-idempotency-keys ?fill=2h',
  // Every minute: the queue's counts add up the deltas not yet folded, so fewer is faster. No fill: one run folds them all.
  '* * * * * fold-status-counts',
  '30 * * * * delete-expired-attachments ?fill=2h',
  '35 * * * * delete-expired-evidence ?fill=2h',
  '45 * * * * expire-awaited-callbacks ?fill=2h',
  '50 * * * * send-processor-reminders ?fill=2h',
  // Daily; a request is minimised once (purgedAt), so the catch-up fill is safe.
  '45 3 * * * minimise-closed-requests ?fill=1d',
  '50 * * * * delete-expired-packages ?fill=2h',
  // Daily; idempotent per request and threshold, so the catch-up fill after downtime is safe.
  '0 7 * * * send-deadline-reminders ?fill=1d',
  // Every 5 minutes: a 72-hour clock needs its 48 h and 66 h reminders close to the hour. Idempotent per incident and reminder.
  '*/5 * * * * send-incident-reminders ?fill=1h',
  // Daily; deleting a list is idempotent, so the catch-up fill is safe.
  '55 3 * * * delete-expired-affected-lists ?fill=1d',
].join('\n');
