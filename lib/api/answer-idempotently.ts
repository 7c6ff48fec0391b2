import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { apiIdempotencyKeys } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

export type IdempotentAnswer = { status: number; body: unknown; isReplay: boolean };

export type AnswerIdempotentlyOptions = { apiKeyId: string; key: string; method: string; path: string; body: unknown };

/**
 * Runs a POST at most once per (API key, Idempotency-Key). The key's row is inserted first,
 * in the same transaction as the work: a concurrent duplicate's insert waits on the unique
 * key until this transaction ends, then finds the row and answers with what was stored, so
 * two identical POSTs at once still file one request. If the work fails, the transaction and
 * the row roll back and a retry runs it afresh.
 */
export async function answerIdempotently(
  db: Database,
  { apiKeyId, key, method, path, body }: AnswerIdempotentlyOptions,
  run: (tx: Transaction) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentAnswer> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([method, path, body]), 'utf8')
    .digest('hex');
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(apiIdempotencyKeys)
      .values({ apiKeyId, key, fingerprint })
      .onConflictDoNothing()
      .returning({ key: apiIdempotencyKeys.key });
    if (claimed.length === 0) {
      const [first] = await tx
        .select()
        .from(apiIdempotencyKeys)
        .where(and(eq(apiIdempotencyKeys.apiKeyId, apiKeyId), eq(apiIdempotencyKeys.key, key)));
      if (!first || first.fingerprint !== fingerprint || first.responseStatus === null) {
        throw new AppError(
          'UNPROCESSABLE',
          'This Idempotency-Key was already used for a different request. Use a new key for each new request.',
          { field: 'Idempotency-Key' },
        );
      }
      return { status: first.responseStatus, body: first.responseBody, isReplay: true };
    }
    const answer = await run(tx);
    await tx
      .update(apiIdempotencyKeys)
      .set({ responseStatus: answer.status, responseBody: answer.body })
      .where(and(eq(apiIdempotencyKeys.apiKeyId, apiKeyId), eq(apiIdempotencyKeys.key, key)));
    return { ...answer, isReplay: false };
  });
}
