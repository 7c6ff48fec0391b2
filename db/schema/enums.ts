import { pgEnum } from 'drizzle-orm/pg-core';
import { requestTypes } from '@/lib/validation/request-type';
import { requestStatuses } from '../../lib/requests/request-status';

/** lib/validation/request-type.ts holds the list and each type's rules; this is its storage. */
export const requestType = pgEnum('request_type', requestTypes);

/** The request state machine lives in lib/requests/request-status.ts; this is its storage (a new status also needs a migration). */
export const requestStatus = pgEnum('request_status', requestStatuses);

/** How the request was made: CCPA §7101 record-keeping asks for the "manner" of each request. */
export const requestChannel = pgEnum('request_channel', ['web', 'api', 'staff']);

/** agent_status: the authorised agent's own link, showing status and messages only. */
export const tokenPurpose = pgEnum('token_purpose', ['verification', 'status', 'agent_status']);

/** Who caused an event: an API key is another system acting under an admin-made key (actor_id is the key's id). */
export const actorType = pgEnum('actor_type', ['requester', 'staff', 'system', 'api_key']);

export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'failed']);

export const staffRole = pgEnum('staff_role', ['admin', 'agent', 'auditor']);

/** Why a request was declined: the templates staff choose from (the basis CCPA §7102 reports count). */
export const rejectionBasis = pgEnum('rejection_basis', [
  'identity_not_verified',
  'manifestly_unfounded_or_excessive',
  'legal_exemption',
  'no_data_held',
  'duplicate',
  'spam',
]);

export const deadlineReminderKind = pgEnum('deadline_reminder_kind', ['due_in_7_days', 'due_in_2_days', 'overdue']);

/** Where the person's data lives: a database (PostgreSQL, MySQL/MariaDB) read through a declarative map, a system with a webhook, or a checklist item. */
export const dataSourceKind = pgEnum('data_source_kind', ['postgres', 'webhook', 'manual', 'mysql', 'processor']);

/** What a fulfilment run does: gather the data into a package, count what erasure would touch, erase, send a correction to webhook and checklist sources, or set a processing flag: an opt-out, a restriction (GDPR Art. 18), an objection (Art. 21). */
export const fulfilmentRunKind = pgEnum('fulfilment_run_kind', ['gather', 'dry_run', 'erase', 'correct', 'opt_out', 'restrict', 'object']);

/** running until every source has an outcome; then succeeded or failed; a gathered package is then released. */
export const fulfilmentRunStatus = pgEnum('fulfilment_run_status', ['running', 'succeeded', 'failed', 'released']);

/** One source's part in a run. Webhooks may answer later (awaiting_callback); manual sources wait for an agent. */
export const sourceResultStatus = pgEnum('source_result_status', [
  'pending',
  'running',
  'awaiting_callback',
  'awaiting_confirmation',
  'succeeded',
  'failed',
]);
