'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZFileOnBehalf } from '@/lib/validation/staff-actions';
import { type ActionState, runAction } from '../../action-state';

export async function fileOnBehalfAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let reference: string | undefined;
  const state = await runAction(ZFileOnBehalf, formData, async (input) => {
    const actor = await requireStaff();
    ({ reference } = await fileOnBehalf(getDb(), { actor, input }));
  });
  if (reference) redirect(`/staff/requests/${reference}`);
  return state;
}
