import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TCorrectionField } from '@/lib/validation/correction-request';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';
import type { TVerificationRequirement, VerificationLevel } from '@/lib/validation/verification-levels';
import { rejectionBasis, requestChannel, requestStatus, requestType } from './enums';
import { staffMembers } from './staff-members';
import { jurisdictionPolicies } from './jurisdiction-policies';

/** Numbers the human references; gaps (rolled-back transactions) are harmless. */
export const requestReferenceSequence = pgSequence('request_reference_seq', { startWith: 1 });

export const requests = pgTable(
  'requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference (DSR-2026-000123), given when the email address is verified. */
    reference: text().unique(),
    type: requestType().notNull(),
    status: requestStatus().notNull().default('unverified'),
    channel: requestChannel().notNull(),
    jurisdiction: text()
      .notNull()
      .references(() => jurisdictionPolicies.code),
    /** Keyed hash of the normalised email: survives the purge, finds duplicates and rate-limits. */
    emailHash: text().notNull(),
    /** The browser sent a Global Privacy Control signal (Sec-GPC: 1) with the request: a valid opt-out under CCPA (11 CCR §7025) and the Colorado rules. */
    gpcSignal: boolean().notNull().default(false),
    /** The requester's language (lib/i18n/locales.ts): chosen at intake, switchable on their pages; every later email and page uses it. */
    language: text().notNull().default('en'),
    /** Personal data below is nulled when an unverified request expires (purge job) or a closed one passes its retention period (minimise job). */
    email: text(),
    fullName: text(),
    accountIdentifier: text(),
    details: text(),
    /** A correction's structured "field, what it says now, what it should be" lines (ZCorrectionFields); null for other types. */
    correctionFields: jsonb().$type<TCorrectionField[]>(),
    /** The requester's IANA time zone, taken from their browser on the form: status pages and packages show times in it. */
    timeZone: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The calendar day of receipt in the organisation's time zone: deadlines count from it. */
    receivedOn: date({ mode: 'string' }).notNull(),
    unverifiedExpiresAt: timestamp({ withTimezone: true }),
    verifiedAt: timestamp({ withTimezone: true }),
    dueOn: date({ mode: 'string' }),
    acknowledgementDueOn: date({ mode: 'string' }),
    /** The policy as it was when the due date was set, so later settings changes don't rewrite history. */
    policy: jsonb().$type<TDeadlinePolicy>(),
    /** The due date first set at verification; dueOn moves with extensions and clock stops. */
    originalDueOn: date({ mode: 'string' }),
    extensionCount: integer().notNull().default(0),
    extensionReason: text(),
    /** Days the clock was stopped while waiting for the requester, already added to dueOn. */
    pausedDays: integer().notNull().default(0),
    /** Set while waiting for the requester with the clock stopped (policy permitting). */
    clockStoppedAt: timestamp({ withTimezone: true }),
    assigneeId: uuid().references(() => staffMembers.id),
    /** Set on an appeal: the refused request it appeals (US state laws, e.g. Va. Code §59.1-578(C)). */
    appealOfId: uuid().references((): AnyPgColumn => requests.id),
    /** For requests staff entered: how it reached us (phone, letter, email…) and how identity was checked. */
    intakeChannelDetail: text(),
    identityCheck: text(),
    rejectionBasis: rejectionBasis(),
    /** The message sent to the requester when the request was closed (fulfilled or rejected). */
    responseMessage: text(),
    /** Set when a job or email for this request failed repeatedly; shown in the queue with Retry. */
    lastError: text(),
    closedAt: timestamp({ withTimezone: true }),
    /** When the requester's personal data was removed: an expired unverified request, or a closed one after the retention period. */
    purgedAt: timestamp({ withTimezone: true }),
    /**
     * Identity (lib/verification). The level the regime asked for when the request was confirmed (kept, like
     * the policy, so later settings edits don't move the bar), the level reached, and how it was reached.
     * The data points the requester typed are never stored: only how many matched.
     */
    verificationRequired: jsonb().$type<TVerificationRequirement>(),
    verificationReached: text().$type<VerificationLevel>(),
    verificationDataPointsMatched: integer().notNull().default(0),
    verificationFailedTries: integer().notNull().default(0),
    verificationLockedAt: timestamp({ withTimezone: true }),
    /** Why verification failed (shown to staff); the request stays on the queue for a person to decide. */
    verificationFailureReason: text(),
    declarationName: text(),
    declarationText: text(),
    declarationSignedAt: timestamp({ withTimezone: true }),
    /** Staff check: what the agent saw (the method is in identityCheck). */
    identityEvidenceSeen: text(),
    identityCheckedById: uuid().references(() => staffMembers.id),
    /** The agent asked the requester for a document (evidence upload on the status page). */
    evidenceRequestedAt: timestamp({ withTimezone: true }),
    /** An admin let the request be fulfilled below its required level, with a reason (audited). */
    verificationOverrideReason: text(),
    verificationOverriddenAt: timestamp({ withTimezone: true }),
    verificationOverriddenById: uuid().references(() => staffMembers.id),
    /** Filed by an authorised agent (CCPA §7063) for the person in `email`, who must confirm unless a power of attorney was checked. */
    agentName: text(),
    agentEmail: text(),
    agentOrganisation: text(),
    agentHasPowerOfAttorney: boolean().notNull().default(false),
    /**
     * Filed by an authorised agent: unlike the agent's name and email, kept when the personal data is purged or
     * minimised, so the reports and the request-log export still tell agent filings from direct ones (issue #10).
     * The agent's signed permission is an identity_evidence row of kind 'agent_permission'.
     */
    isFiledByAgent: boolean().notNull().default(false),
    /** The person themselves confirmed the request from their own mailbox: only then may the agent see the package. */
    consumerConfirmedAt: timestamp({ withTimezone: true }),
    /**
     * A deletion whose requester asked (or staff offered) for a copy of their data first: it is gathered and
     * released as for an access request, and erasure waits until the copy is downloaded or the organisation's
     * copy wait has passed (lib/fulfilment/check-copy-wait.ts).
     */
    copyBeforeErasure: boolean().notNull().default(false),
    /** Optimistic concurrency: every write bumps it and checks the value it read. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // At most one open request per person and type: the database backs up the
    // duplicate merge even if two submissions race past the advisory lock.
    uniqueIndex('requests_open_per_email_and_type')
      .on(table.emailHash, table.type)
      .where(sql`${table.status} in ('unverified', 'new', 'in_progress', 'awaiting_requester')`),
    index('requests_queue_by_due').on(table.status, table.dueOn, table.id),
    // The queue's default view: open requests by due date, then id (keyset pagination).
    index('requests_open_by_due').on(table.dueOn, table.id).where(sql`${table.status} in ('new', 'in_progress', 'awaiting_requester')`),
    index('requests_open_by_assignee_due')
      .on(table.assigneeId, table.dueOn, table.id)
      .where(sql`${table.status} in ('new', 'in_progress', 'awaiting_requester')`),
    // The "All statuses" view: every confirmed request by due date, so it walks an index instead of sorting the table.
    index('requests_confirmed_by_due').on(table.dueOn, table.id).where(sql`${table.dueOn} is not null`),
    // Claim next: the most urgent unassigned request, found without scanning assigned ones.
    index('requests_unassigned_by_due')
      .on(table.dueOn, table.id)
      .where(sql`${table.assigneeId} is null and ${table.status} in ('new', 'in_progress')`),
    index('requests_by_email_hash').on(table.emailHash),
    // Queue search's trigram indexes live on request_search (./request-search.ts), not here.
    // One appeal per refused request: the status page offers it once, and two presses at once make one.
    uniqueIndex('requests_one_appeal_per_request').on(table.appealOfId).where(sql`${table.appealOfId} is not null`),
    index('requests_by_received_at').on(table.receivedAt),
    // Reports (lib/reports): every column they read, so a date range is an index-only scan of a slice
    // of this index instead of a pass over the whole table (at a million requests: 27,000 buffers → 600).
    index('requests_report_by_received_on').on(
      table.receivedOn,
      table.status,
      table.type,
      table.dueOn,
      table.closedAt,
      table.extensionCount,
      table.rejectionBasis,
      table.isFiledByAgent,
    ),
    index('requests_unverified_expiry').on(table.unverifiedExpiresAt).where(sql`${table.status} = 'unverified'`),
    // Retention (lib/requests/minimise-closed-requests.ts): closed requests still holding personal data,
    // oldest first for the job's keyset walk. Minimised requests leave it, so it stays small at any size.
    index('requests_awaiting_minimisation')
      .on(table.closedAt, table.id)
      .where(sql`${table.purgedAt} is null and ${table.closedAt} is not null`),
  ],
);

export type RequestRow = typeof requests.$inferSelect;
