import { AppError } from '@/lib/errors/app-error';
import { can, type Permission, type StaffRole } from './permissions';

/** The signed-in staff member a use case acts for. */
export type StaffActor = { staffId: string; email: string; name: string; role: StaffRole };

/** Every staff use case starts with this: a refused permission is FORBIDDEN, whatever the UI showed. */
export function assertCan(actor: StaffActor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this action.', { permission, role: actor.role });
  }
}
