import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/**
 * Assigns the most urgent unassigned request to the caller, and records it, in one statement (one round
 * trip, its own transaction): the claim and its audit event commit together. SKIP LOCKED means two
 * agents pressing "Claim next" together each lock a different row: neither waits for the other and they
 * never get the same request. Returns null when the queue has nothing unassigned.
 * The event goes straight into request_events, where the chaining trigger links it as recordEvent's would.
 */
export async function claimNextRequest(db: Database, { actor }: { actor: StaffActor }): Promise<string | null> {
  assertCan(actor, 'requests.work');
  const [row] = await db.execute<{ reference: string }>(sql`
    with next as (
      select id from requests
      where assignee_id is null and status in ('new', 'in_progress')
      order by due_on, id
      limit 1
      for update skip locked
    ),
    claimed as (
      update requests set assignee_id = ${actor.staffId}, version = version + 1, updated_at = now()
      from next where requests.id = next.id
      returning requests.id, requests.reference
    ),
    event as (
      insert into request_events (request_id, actor_type, actor_id, action, details)
      select id, 'staff', ${actor.staffId}, 'claimed', jsonb_build_object('to', ${actor.staffId}::text) from claimed
    )
    select reference from claimed`);
  return row?.reference ?? null;
}
