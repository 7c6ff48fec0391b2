import { desc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requestEvents, staffMembers } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { ChainBreakReason } from './break-reason-labels';

export type VerificationRun = {
  eventId: number;
  createdAt: Date;
  /** The staff member's name, or null when the command line ran it. */
  runBy: string | null;
  isIntact: boolean;
  checkedCount: number;
  headEventId: number | null;
  headHash: string | null;
  firstBreak: { eventId: number; reason: ChainBreakReason } | null;
};

type RunDetails = Omit<VerificationRun, 'eventId' | 'createdAt' | 'runBy'>;

/** The latest verification runs, newest first: each was recorded by verifyAuditChain as an event of the chain itself. */
export async function listVerificationRuns(
  db: DatabaseOrTransaction,
  { actor, limit = 10 }: { actor: StaffActor; limit?: number },
): Promise<VerificationRun[]> {
  assertCan(actor, 'audit.read');
  const rows = await db
    .select({
      eventId: requestEvents.id,
      createdAt: requestEvents.createdAt,
      details: requestEvents.details,
      staffName: staffMembers.name,
      staffEmail: staffMembers.email,
    })
    .from(requestEvents)
    .leftJoin(staffMembers, eq(sql`${staffMembers.id}::text`, requestEvents.actorId))
    .where(eq(requestEvents.action, 'audit_chain_verified'))
    .orderBy(desc(requestEvents.id))
    .limit(limit);
  return rows.map(({ eventId, createdAt, details, staffName, staffEmail }) => {
    const run = details as RunDetails;
    return {
      eventId,
      createdAt,
      runBy: staffName || staffEmail || null,
      isIntact: run.isIntact,
      checkedCount: run.checkedCount,
      headEventId: run.headEventId,
      headHash: run.headHash,
      firstBreak: run.firstBreak,
    };
  });
}
