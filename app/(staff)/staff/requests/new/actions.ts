'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { fileAtDesk } from '@/lib/requests/file-on-behalf';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZFileOnBehalfForm } from '@/lib/validation/staff-actions';
import { type ActionState, runAction } from '../../action-state';

export async function fileOnBehalfAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let reference: string | null | undefined;
  const state = await runAction(
    ZFileOnBehalfForm,
    formData,
    async (input) => {
      const actor = await requireStaff();
      ({ reference } = await fileAtDesk(getDb(), { actor, input }));
      if (reference === null)
        return 'Filed. We emailed the person to confirm the request themselves, and sent the agent their own link. It joins the queue once the person confirms.';
    },
    { fileFields: ['agentPermission'], multipleFileFields: ['correctionAttachments'] },
  );
  if (reference) redirect(`/staff/requests/${reference}`);
  return state;
}
