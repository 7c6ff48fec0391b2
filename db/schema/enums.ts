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
