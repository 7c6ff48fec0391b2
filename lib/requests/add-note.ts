import type { Database } from '@/db/client';
import { requestNotes } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { type UseCaseActor, eventActorOf, staffIdOf } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';

export type AddNoteOptions = { actor: UseCaseActor; reference: string; body: string };

/** An internal note: staff only, never on the requester's page. The audit event records that a note was added, not its text. */
export async function addNote(db: Database, { actor, reference, body }: AddNoteOptions): Promise<void> {
  await changeRequest(
    db,
    { actor, permission: 'requests.work', reference, expectedVersion: null, bumpsVersion: false },
    async (tx, request) => {
      // Its notes were deleted with the personal data; a new one would bring personal data back that no job removes.
      if (request.purgedAt)
        throw new AppError('INVALID_TRANSITION', 'This request’s personal data was removed, so notes can no longer be added to it.');
      await tx.insert(requestNotes).values({ requestId: request.id, staffId: staffIdOf(actor), body });
      await recordEvent(tx, { requestId: request.id, actor: eventActorOf(actor), action: 'note_added' });
    },
  );
}
