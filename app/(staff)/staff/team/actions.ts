'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { changeStaffRole } from '@/lib/staff/change-staff-role';
import { deactivateStaffMember } from '@/lib/staff/deactivate-staff-member';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { inviteStaffMember } from '@/lib/staff/invite-staff-member';
import { ZChangeStaffRole, ZDeactivateStaffMember, ZInviteStaffMember } from '@/lib/validation/staff-members';
import { type ActionState, runAction } from '../action-state';

// The session is read inside each run, not trusted from the form: the use cases refuse non-admins with FORBIDDEN,
// which runAction shows as a form error.

export async function inviteStaffMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZInviteStaffMember, formData, async (input) => {
    const actor = await requireStaff();
    await inviteStaffMember(getDb(), { actor, input });
    revalidatePath('/staff/team');
    return `Invitation sent to ${input.email}.`;
  });
}

export async function changeStaffRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZChangeStaffRole, formData, async ({ staffId, role }) => {
    const actor = await requireStaff();
    await changeStaffRole(getDb(), { actor, staffId, role });
    revalidatePath('/staff/team');
    return `Role changed to ${role}.`;
  });
}

export async function deactivateStaffMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZDeactivateStaffMember, formData, async ({ staffId }) => {
    const actor = await requireStaff();
    await deactivateStaffMember(getDb(), { actor, staffId });
  });
  // Leave the confirmation view: the member is gone from the active list and the notice says so.
  if (!state.formError) redirect('/staff/team?notice=deactivated');
  return state;
}
