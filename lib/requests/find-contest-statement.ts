import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { contestStatements } from '@/db/schema';

export type ContestStatementView = { body: string; createdAt: Date };

/** The requester's statement contesting data we declined to correct (add-contest-statement.ts), if they sent one. */
export async function findContestStatement(
  db: DatabaseOrTransaction,
  { requestId }: { requestId: string },
): Promise<ContestStatementView | null> {
  const [statement] = await db
    .select({ body: contestStatements.body, createdAt: contestStatements.createdAt })
    .from(contestStatements)
    .where(eq(contestStatements.requestId, requestId));
  return statement ?? null;
}
