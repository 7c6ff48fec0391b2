import { z } from 'zod';
import { text } from './text';

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
  /** `correct` jobs: the requester's words on what is wrong and what it should be. */
  correction: z.strictObject({ details: text() }).optional(),
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
