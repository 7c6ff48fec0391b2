import { z } from 'zod';
import { staffRoles } from '@/lib/staff/permissions';
import { ZEmailAddress } from './submit-request';
import { text } from './text';

export const ZStaffRole = z.enum(staffRoles, { error: 'Choose a role' });

export const ZInviteStaffMember = z.strictObject({
  email: ZEmailAddress,
  name: text().trim().max(120, 'At most 120 characters').default(''),
  role: ZStaffRole,
});
export type TInviteStaffMember = z.infer<typeof ZInviteStaffMember>;

export const ZChangeStaffRole = z.strictObject({ staffId: z.uuid(), role: ZStaffRole });
export const ZDeactivateStaffMember = z.strictObject({ staffId: z.uuid() });
