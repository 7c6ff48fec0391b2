import type { Database } from '@/db/client';
import { requestNotes } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';

export type AddNoteOptions = { actor: StaffActor; reference: string; body: string };

/** An internal note: staff only, never on the requester's page. The audit event records that a note was added, not its text. */
export async function addNote(db: Database, { actor, reference, body }: AddNoteOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: null, bumpsVersion: false }, async (tx, request) => {
    await tx.insert(requestNotes).values({ requestId: request.id, staffId: actor.staffId, body });
    await recordEvent(tx, { requestId: request.id, actor: { type: 'staff', staffId: actor.staffId }, action: 'note_added' });
  });
}
