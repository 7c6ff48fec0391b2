import { getServerSession } from 'next-auth';
import { authOptions } from '@/auth';
import { findActiveStaffMember } from '@/db/queries/staff-members';
import { getDb } from '@/lib/database';
import { AppError } from '@/lib/errors/app-error';
import type { StaffActor } from './staff-actor';

/**
 * The signed-in, active staff member, read fresh from the database on every call
 * so a role change or deactivation applies to the very next action.
 */
export async function getCurrentStaff(): Promise<StaffActor | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const member = await findActiveStaffMember(getDb(), { id });
  return member ? { staffId: member.id, email: member.email, name: member.name || member.email, role: member.role } : null;
}

/** For server actions and route handlers: no session is an UNAUTHENTICATED error. */
export async function requireStaff(): Promise<StaffActor> {
  const actor = await getCurrentStaff();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  return actor;
}
