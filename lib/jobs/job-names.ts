/** Every background job and its payload. Tasks are wired in task-list.ts. */
export type JobPayloads = {
  'deliver-email': { outboundEmailId: string };
  /** One "email delivery keeps failing" alert to the admins for every email still failing (lib/mail/send-delivery-alert-digest.ts). */
  'send-delivery-alert-digest': Record<string, never>;
  /** A staff sign-in link asked for (lib/staff/request-sign-in-link.ts): sent only if the address is an active member. */
  'send-staff-sign-in-link': { email: string; callbackUrl: string };
  /** "Find my request": looks the address up and emails its links (lib/requests/send-status-links.ts). */
  'send-status-links': { emailHash: string; reference: string | null; requestedAt: string; ip: string | null };
  /** A repeat of an open request, filed in one statement: resends the requester's link (lib/requests/merge-duplicate-submission.ts). */
  'merge-duplicate-submission': { requestId: string; channel: 'web' | 'api'; ip: string | null };
  'purge-expired-requests': Record<string, never>;
  /** Regulator-clock reminders and overdue alerts for personal data breaches (lib/incidents). */
  'send-incident-reminders': Record<string, never>;
  'prune-intake-attempts': Record<string, never>;
  'send-deadline-reminders': Record<string, never>;
  'delete-expired-attachments': Record<string, never>;
  /** Identity documents past their retention after the identity decision (lib/verification/delete-expired-evidence.ts). */
  'delete-expired-evidence': Record<string, never>;
  /** Removes the requester's personal data from requests closed longer than the retention setting. */
  'minimise-closed-requests': Record<string, never>;
  /** Unreleased data packages and leftover staging folders past the download period. */
  'delete-expired-packages': Record<string, never>;
  /** One source's part of a fulfilment run (lib/fulfilment/run-source.ts). */
  'run-source': { sourceResultId: string };
  /** Assembles a gather run's staged files into the package ZIP once every source is done. */
  'build-package': { runId: string };
  /** Fails webhook jobs whose callback never came, so they can be retried. */
  'expire-awaited-callbacks': Record<string, never>;
  /** One try at POSTing an event to a subscription (lib/webhooks/deliver-event-webhook.ts); a retry is a new job. */
  'deliver-event-webhook': { deliveryId: string };
  /** Reminds processors that have not confirmed an erasure, and fails those past their cut-off (lib/processors). */
  'send-processor-reminders': Record<string, never>;
  /** Reads the people a breach affected from one source (a database, or a webhook page by page) into the incident's encrypted list (lib/incidents/find-affected-people.ts). */
  'find-affected-people': { lookupId: string };
  /** Queues the next batch of an incident's notices in the outbox, then itself again until everyone is queued (lib/incidents/queue-notice-batch.ts). */
  'send-incident-notices': { incidentId: string };
  /** Deletes the lists of affected people past their retention (lib/incidents/delete-expired-affected-lists.ts). */
  'delete-expired-affected-lists': Record<string, never>;
  /** Stored answers to Idempotency-Key POSTs past their 24 hours. */
  'prune-idempotency-keys': Record<string, never>;
  /** Folds the request status deltas into their totals, so the queue's counts read few rows (lib/queue/fold-status-counts.ts). */
  'fold-status-counts': Record<string, never>;
};

export type JobName = keyof JobPayloads;
