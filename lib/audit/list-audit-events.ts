import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { auditLogLeaves, requestEvents, requests, staffMembers } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TAuditEventFilters } from '@/lib/validation/audit-events';

export const AUDIT_EVENTS_PAGE_SIZE = 50;

export type AuditEventView = {
  id: number;
  createdAt: Date;
  reference: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
  hash: string | null;
  previousHash: string | null;
  /** The event's leaf in the Merkle tree, once the sealer has sealed it (within about a second). */
  leafIndex: number | null;
};

/**
 * The audit log as auditors read it in the app: newest first, filtered by request
 * reference, actor (a staff member's email or name, or "system"/"requester"), action
 * and day range (UTC), paged by keyset on the event id so page 1,000 costs what page 1
 * does. Each event shows its chain hash and its place in the Merkle tree.
 */
export async function listAuditEvents(
  db: DatabaseOrTransaction,
  { actor, filters }: { actor: StaffActor; filters: TAuditEventFilters },
): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
  assertCan(actor, 'audit.read');
  const conditions: (SQL | undefined)[] = [];
  if (filters.reference) conditions.push(eq(requests.reference, filters.reference.toUpperCase()));
  if (filters.actor) {
    const who = filters.actor.toLowerCase();
    conditions.push(
      ['system', 'requester', 'api_key'].includes(who)
        ? eq(requestEvents.actorType, who as 'system')
        : or(sql`lower(${staffMembers.email}) = ${who}`, eq(staffMembers.name, filters.actor), eq(requestEvents.actorId, filters.actor)),
    );
  }
  if (filters.action) conditions.push(eq(requestEvents.action, filters.action));
  if (filters.from) conditions.push(gte(requestEvents.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(requestEvents.createdAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (filters.before) conditions.push(lt(requestEvents.id, filters.before));
  const rows = await db
    .select({
      id: requestEvents.id,
      createdAt: requestEvents.createdAt,
      reference: requests.reference,
      actorType: requestEvents.actorType,
      actorId: requestEvents.actorId,
      actorName: staffMembers.name,
      action: requestEvents.action,
      details: requestEvents.details,
      hash: requestEvents.hash,
      previousHash: requestEvents.previousHash,
      leafIndex: auditLogLeaves.leafIndex,
    })
    .from(requestEvents)
    .leftJoin(requests, eq(requests.id, requestEvents.requestId))
    .leftJoin(staffMembers, and(eq(requestEvents.actorType, 'staff'), sql`${staffMembers.id}::text = ${requestEvents.actorId}`))
    .leftJoin(auditLogLeaves, eq(auditLogLeaves.eventId, requestEvents.id))
    .where(and(...conditions))
    .orderBy(desc(requestEvents.id))
    .limit(AUDIT_EVENTS_PAGE_SIZE + 1);
  const events = rows.slice(0, AUDIT_EVENTS_PAGE_SIZE);
  return { events, nextBefore: rows.length > AUDIT_EVENTS_PAGE_SIZE ? events.at(-1)!.id : null };
}
