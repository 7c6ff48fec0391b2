import { and, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { createStaffMember } from './staff';

/**
 * Test files share one database and leave unassigned open requests behind; claim-next
 * tests hand those to a "Parking" member first, so the queue holds only what the test made.
 */
export async function parkUnassignedOpenRequests(db: Database): Promise<void> {
  const parking = await createStaffMember(db, { role: 'agent', name: 'Parking' });
  await db
    .update(requests)
    .set({ assigneeId: parking.staffId })
    .where(and(isNull(requests.assigneeId), inArray(requests.status, ['new', 'in_progress', 'awaiting_requester'])));
}
