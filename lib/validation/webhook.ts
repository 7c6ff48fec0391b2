import { z } from 'zod';
import { ZCorrectionField } from './correction-request';
import { ZAffectedFilter } from './incident-affected';
import { text } from './text';
import { dataPointKinds } from './verification-levels';

/**
 * The webhook contract (README, "Webhook sources"): the job we POST to a source,
 * its answer, and the signed callback it may send later. Answers and callbacks are
 * parsed leniently about extra fields (a receiver may add its own) and strictly
 * about the ones we use.
 */

/** 32 random bytes, base64url: the id a callback echoes. */
export const ZWebhookJobId = text().regex(/^[A-Za-z0-9_-]{43}$/, 'jobId is the 43-character id from the job');

/**
 * Table names become file names in the package, so they are plain: a letter, then
 * letters, digits, "_", "." or "-" (e.g. "orders" or "crm.contacts").
 */
const tableNameMessage = 'Table names are 1 to 63 letters, digits, "_", "." or "-", starting with a letter';
export const ZWebhookTableName = text().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,62}$/, tableNameMessage);
/** zod reports a bad record key as "Invalid key in record"; say what a good one looks like. */
const keyError = { error: (issue: { code?: string }) => (issue.code === 'invalid_key' ? tableNameMessage : undefined) };

/** One row: a JSON object of column → value. */
const ZWebhookRow = z.record(z.string(), z.unknown(), { error: 'Each row is a JSON object of column → value' });

export const ZWebhookTables = z.record(ZWebhookTableName, z.array(ZWebhookRow, { error: 'Each table is an array of rows' }), keyError);

export const ZWebhookRowCounts = z.record(
  ZWebhookTableName,
  z.number({ error: 'Row counts are numbers' }).int('Row counts are whole numbers').min(0, 'Row counts are not negative'),
  keyError,
);

const ZFailureMessage = text({ error: 'Say what went wrong in "error"' })
  .trim()
  .min(1, 'Say what went wrong in "error"')
  .max(2000, 'At most 2,000 characters');

export const ZWebhookJob = z.strictObject({
  jobId: ZWebhookJobId,
  /**
   * `access` gathers the subject's data; `erasure` erases it (or, with dryRun, only counts it);
   * `correct` asks the system to correct what `correction` describes; `opt_out` to apply the
   * opt-out `optOut` names; `restrict` to restrict processing (GDPR Art. 18: keep the data, use it
   * for nothing else); `object` to stop the processing objected to (Art. 21), as `objection` describes.
   */
  type: z.enum(['access', 'erasure', 'correct', 'opt_out', 'restrict', 'object']),
  dryRun: z.boolean(),
  /** `correct` jobs: the requester's words on what is wrong and what it should be, and the fields they named (if any). */
  correction: z.strictObject({ details: text(), fields: z.array(ZCorrectionField).optional() }).optional(),
  /** `opt_out` jobs: which opt-out (sale or sharing, targeted advertising, sensitive information, marketing). */
  optOut: z.enum(['opt_out_sale', 'opt_out_targeted_ads', 'limit_sensitive', 'marketing_unsubscribe']).optional(),
  /** `object` jobs: the requester's words on the processing they object to (direct marketing is always stopped). */
  objection: z.strictObject({ details: text() }).optional(),
  reference: text().min(1),
  subject: z.strictObject({ email: z.email(), accountIdentifier: text().nullable() }),
  callbackUrl: z.url(),
});

const ZCompleted = {
  status: z.literal('completed'),
  /** Access: the subject's rows per table. */
  tables: ZWebhookTables.optional(),
  /** Dry run: rows that would be erased; erasure: rows that were. */
  rowCounts: ZWebhookRowCounts.optional(),
};

/** The answer to the POST: done now (200), answered later by callback (202), or failed. */
export const ZWebhookAnswer = z.discriminatedUnion(
  'status',
  [z.object(ZCompleted), z.object({ status: z.literal('accepted') }), z.object({ status: z.literal('failed'), error: ZFailureMessage })],
  { error: 'status is "completed", "accepted" or "failed"' },
);

/** Just the job id, to find the job an otherwise invalid callback was about. */
export const ZWebhookCallbackEnvelope = z.object({ jobId: ZWebhookJobId });

/** The signed callback to /api/callbacks/<source> for a job answered 202. */
export const ZWebhookCallback = z.discriminatedUnion(
  'status',
  [
    z.object({ jobId: ZWebhookJobId, ...ZCompleted }),
    z.object({ jobId: ZWebhookJobId, status: z.literal('failed'), error: ZFailureMessage }),
  ],
  { error: 'status is "completed" or "failed"' },
);

export type TWebhookJob = z.infer<typeof ZWebhookJob>;
export type TWebhookAnswer = z.infer<typeof ZWebhookAnswer>;
export type TWebhookCallback = z.infer<typeof ZWebhookCallback>;
export type TWebhookTables = z.infer<typeof ZWebhookTables>;
export type TWebhookRowCounts = z.infer<typeof ZWebhookRowCounts>;

/**
 * A `breach_lookup` job (README, "Personal data breaches"): the people a breach affected, by the filter
 * staff described for this system. A system that holds many answers a page at a time, each with the
 * cursor of the next; every page is a new job (a fresh jobId) carrying that cursor.
 */
export const ZBreachLookupJob = z.strictObject({
  jobId: ZWebhookJobId,
  type: z.literal('breach_lookup'),
  dryRun: z.literal(false),
  /** The incident's reference. */
  reference: text().min(1),
  /** The rows staff described: a kind of record and conditions on its fields, all to hold (ZAffectedFilter's shape). */
  filter: ZAffectedFilter,
  /** null for the first page, then the `next` the previous page gave. */
  cursor: text().nullable(),
  callbackUrl: z.url(),
});

/**
 * The most people one page may carry: what the run holds in memory at once, whatever the breach's size
 * (and what one insert binds: 4 values a person, well under PostgreSQL's 65,535 parameters).
 */
export const BREACH_LOOKUP_PAGE_MAX = 10_000;

const ZBreachLookupPage = {
  status: z.literal('completed'),
  /** Each entry's address is checked on its own: one that is not an email is counted as rejected, not fatal. */
  people: z
    .array(z.unknown(), { error: 'people is an array of { "email": "…" }' })
    .max(BREACH_LOOKUP_PAGE_MAX, `At most ${BREACH_LOOKUP_PAGE_MAX.toLocaleString('en')} people per page: send "next" for more`),
  /** The cursor of the next page; absent or null on the last. */
  next: text().trim().min(1).max(2000).nullish(),
};

export const ZBreachLookupAnswer = z.discriminatedUnion(
  'status',
  [
    z.object(ZBreachLookupPage),
    z.object({ status: z.literal('accepted') }),
    z.object({ status: z.literal('failed'), error: ZFailureMessage }),
  ],
  { error: 'status is "completed", "accepted" or "failed"' },
);

export const ZBreachLookupCallback = z.discriminatedUnion(
  'status',
  [
    z.object({ jobId: ZWebhookJobId, ...ZBreachLookupPage }),
    z.object({ jobId: ZWebhookJobId, status: z.literal('failed'), error: ZFailureMessage }),
  ],
  { error: 'status is "completed" or "failed"' },
);

/** One person as a page lists them; the address is normalised (trimmed, lower-cased) as the database path reads it. */
export const ZBreachLookupPerson = z.object({ email: text().trim().toLowerCase().pipe(z.email()) });

export type TBreachLookupJob = z.infer<typeof ZBreachLookupJob>;
export type TBreachLookupAnswer = z.infer<typeof ZBreachLookupAnswer>;
export type TBreachLookupCallback = z.infer<typeof ZBreachLookupCallback>;

/**
 * A `verify` job (README, "Webhook sources"): the facts a requester typed on their status page, for a
 * system that declared it can check them (the source's `verifies`). Answered at once, never by callback:
 * the requester is waiting. Each fact as typed (trimmed) and as we normalise it for our own comparisons.
 */
export const ZWebhookVerifyJob = z.strictObject({
  jobId: ZWebhookJobId,
  type: z.literal('verify'),
  dryRun: z.literal(false),
  reference: text().min(1),
  subject: z.strictObject({ email: z.email(), accountIdentifier: text().nullable() }),
  dataPoints: z.partialRecord(z.enum(dataPointKinds), z.strictObject({ value: text(), normalised: text() })),
});

/** The answer: per fact sent, whether it matches what the system holds for the subject. Every fact sent must be answered. */
export const ZWebhookVerifyAnswer = z.object({
  dataPoints: z.partialRecord(
    z.enum(dataPointKinds, { error: `dataPoints is keyed by ${dataPointKinds.join(', ')}` }),
    z.object({ match: z.boolean({ error: 'match is true or false' }) }),
    { error: 'dataPoints is an object: { "phone": { "match": true } }' },
  ),
});

export type TWebhookVerifyJob = z.infer<typeof ZWebhookVerifyJob>;
export type TWebhookVerifyAnswer = z.infer<typeof ZWebhookVerifyAnswer>;
