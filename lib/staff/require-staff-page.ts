import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from './get-current-staff';
import { can, type Permission } from './permissions';
import type { StaffActor } from './staff-actor';

/**
 * For staff pages: no session → the sign-in page; a role without the permission
 * → "not found", as for any record you may not see. The use cases check again.
 */
export async function requireStaffPage(permission: Permission = 'requests.read'): Promise<StaffActor> {
  const actor = await getCurrentStaff();
  if (!actor) redirect('/staff/sign-in');
  if (!can(actor.role, permission)) notFound();
  return actor;
}
