import { type SQL, sql } from 'drizzle-orm';
import { arrayParameter } from '../array-parameter';
import type { DatabaseOrTransaction } from '../client';
import type { NewRequest } from '@/lib/requests/new-request';
import type { CounterWindow } from '@/lib/security/enforce-attempt-limits';

export type FileRequestOptions = {
  newRequest: NewRequest;
  emailLimit: CounterWindow;
  ipLimit: CounterWindow | null;
  openStatuses: readonly string[];
  /** The webhook event types a new request is heard as: with subscribers, the transactional path tells them. */
  webhookEvents: readonly string[];
};

/** SQLSTATE the file_request function raises for "not an ordinary submission: take the transactional path". */
const TAKE_TRANSACTIONAL_PATH = 'DS001';

/**
 * An ordinary submission in one statement, outside any transaction (migration 0034's `file_request`): the
 * address's counter, a new request or a merge job for the open one, and the IP's counter. Null when it is not
 * ordinary (type not offered, a limit reached, webhook subscribers): nothing was written, and the caller takes
 * its transactional path, which answers each of those.
 */
export async function fileRequestInOneStatement(
  db: DatabaseOrTransaction,
  { newRequest, emailLimit, ipLimit, openStatuses, webhookEvents }: FileRequestOptions,
): Promise<'created' | 'merged' | null> {
  try {
    const [row] = await db.execute<{ outcome: 'created' | 'merged' }>(
      sql`select file_request(
        ${emailLimit.key}, ${emailLimit.windowStart.toISOString()}::timestamptz, ${emailLimit.max}::integer,
        ${ipLimit?.key ?? null}, ${ipLimit?.windowStart.toISOString() ?? null}::timestamptz, ${ipLimit?.max ?? null}::integer,
        ${arrayParameter(openStatuses, 'text[]')}, ${arrayParameter(webhookEvents, 'text[]')},
        ${newRequestArguments(newRequest)}
      ) as outcome`,
    );
    return row!.outcome;
  } catch (error) {
    if (sqlStateOf(error) === TAKE_TRANSACTIONAL_PATH) return null;
    throw error;
  }
}

/** The new request's rows on the caller's transaction, after it checked the limits and found nothing to merge into. */
export async function createUnverifiedRequest(tx: DatabaseOrTransaction, newRequest: NewRequest): Promise<void> {
  await tx.execute(sql`select create_unverified_request(${newRequestArguments(newRequest)})`);
}

function newRequestArguments({ row, eventDetails, ip, tokenHash, tokenExpiresAt, email }: NewRequest): SQL {
  return sql`${JSON.stringify(row)}::jsonb, ${JSON.stringify(eventDetails)}::jsonb, ${ip}::inet,
    ${tokenHash}, ${tokenExpiresAt.toISOString()}::timestamptz,
    ${email.id}::uuid, ${email.messageId}, ${JSON.stringify(email.payload)}::jsonb, ${email.deliveryJobKey}`;
}

function sqlStateOf(error: unknown): string | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
