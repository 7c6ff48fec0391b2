import { forbidden, redirect } from 'next/navigation';
import { getCurrentStaff } from './get-current-staff';
import { can, type Permission } from './permissions';
import type { StaffActor } from './staff-actor';

/**
 * For staff pages: no session → the sign-in page; a role without the permission
 * → 403 "You don't have access to this page" (app/forbidden.tsx), so a signed-in
 * auditor is told why rather than shown the public "not found". Records a role may
 * not see are still "not found" (the use cases build the actor into the query).
 */
export async function requireStaffPage(permission: Permission = 'requests.read'): Promise<StaffActor> {
  const actor = await getCurrentStaff();
  if (!actor) redirect('/staff/sign-in');
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
