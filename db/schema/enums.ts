import { pgEnum } from 'drizzle-orm/pg-core';

export const requestType = pgEnum('request_type', ['access', 'export', 'deletion']);

/** The request state machine lives in lib/requests/request-status.ts; this is its storage. */
export const requestStatus = pgEnum('request_status', [
  'unverified',
  'new',
  'in_progress',
  'awaiting_requester',
  'fulfilled',
  'rejected',
  'cancelled',
  'expired',
]);

/** How the request was made: CCPA §7101 record-keeping asks for the "manner" of each request. */
export const requestChannel = pgEnum('request_channel', ['web', 'api', 'staff']);

export const tokenPurpose = pgEnum('token_purpose', ['verification', 'status']);

export const actorType = pgEnum('actor_type', ['requester', 'staff', 'system']);

export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'failed']);

export const staffRole = pgEnum('staff_role', ['admin', 'agent', 'auditor']);

/** Why a request was declined: the templates staff choose from (the basis CCPA §7102 reports count). */
export const rejectionBasis = pgEnum('rejection_basis', ['identity_not_verified', 'manifestly_unfounded_or_excessive', 'legal_exemption', 'no_data_held', 'duplicate', 'spam']);

export const deadlineReminderKind = pgEnum('deadline_reminder_kind', ['due_in_7_days', 'due_in_2_days', 'overdue']);
