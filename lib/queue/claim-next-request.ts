import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/**
 * Assigns the most urgent unassigned request to the caller. SKIP LOCKED means two
 * agents pressing "Claim next" together each lock a different row: neither waits
 * for the other and they never get the same request. Returns null when the queue
 * has nothing unassigned.
 */
export async function claimNextRequest(db: Database, { actor }: { actor: StaffActor }): Promise<string | null> {
  assertCan(actor, 'requests.work');
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: string; reference: string }>(sql`
      with next as (
        select id from requests
        where assignee_id is null and status in ('new', 'in_progress')
        order by due_on, id
        limit 1
        for update skip locked
      )
      update requests set assignee_id = ${actor.staffId}, version = version + 1, updated_at = now()
      from next where requests.id = next.id
      returning requests.id, requests.reference`);
    const row = claimed[0];
    if (!row) return null;
    await recordEvent(tx, { requestId: row.id, actor: { type: 'staff', staffId: actor.staffId }, action: 'claimed', details: { to: actor.staffId } });
    return row.reference;
  });
}
