import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findStaffMemberByEmail } from '@/db/queries/staff-members';
import { staffMembers } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import type { TInviteStaffMember } from '@/lib/validation/staff-members';
import { assertAnotherActiveAdmin } from './change-staff-role';
import { roleLabels } from './permissions';
import { assertCan, type StaffActor } from './staff-actor';

export type InviteStaffMemberOptions = {
  /** `system` is the command line (`npm run staff`) and the demo seed: whoever runs them owns the server. */
  actor: StaffActor | 'system';
  input: TInviteStaffMember;
  sendInvitation?: boolean;
};

/** Adds a staff member (or reactivates one with a new role) and emails them where to sign in. */
export async function inviteStaffMember(
  db: Database,
  { actor, input, sendInvitation = true }: InviteStaffMemberOptions,
): Promise<{ staffId: string }> {
  if (actor !== 'system') assertCan(actor, 'staff.manage');
  return db.transaction(async (tx) => {
    const existing = await findStaffMemberByEmail(tx, { email: input.email });
    let staffId: string;
    if (existing) {
      // Re-inviting an existing address sets its role, so it must not demote the last active admin.
      if (existing.isActive && existing.role === 'admin' && input.role !== 'admin') await assertAnotherActiveAdmin(tx, existing.id);
      await tx
        .update(staffMembers)
        .set({ role: input.role, name: input.name || existing.name, isActive: true, deactivatedAt: null })
        .where(eq(staffMembers.id, existing.id));
      staffId = existing.id;
    } else {
      const [created] = await tx
        .insert(staffMembers)
        .values({
          email: input.email.trim().toLowerCase(),
          name: input.name,
          role: input.role,
          invitedById: actor === 'system' ? null : actor.staffId,
        })
        .returning({ id: staffMembers.id });
      staffId = created!.id;
    }
    await recordEvent(tx, {
      requestId: null,
      actor: actor === 'system' ? { type: 'system' } : { type: 'staff', staffId: actor.staffId },
      action: existing ? 'staff_reactivated' : 'staff_invited',
      details: { staffId, role: input.role },
    });
    if (sendInvitation) {
      const { organisationName } = await getOrganisationSettings(tx);
      await enqueueEmail(tx, {
        requestId: null,
        to: input.email,
        payload: {
          template: 'staff-invitation',
          version: 1,
          props: {
            organisationName,
            inviterName: actor === 'system' ? 'An administrator' : actor.name,
            roleLabel: roleLabels[input.role],
            signInUrl: `${env().APP_URL}/staff/sign-in`,
          },
        },
      });
    }
    return { staffId };
  });
}
