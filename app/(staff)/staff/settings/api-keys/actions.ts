'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { getDb } from '@/lib/database';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZCreateApiKeyForm, ZRevokeApiKeyForm } from '@/lib/validation/api-keys';
import { type ActionState, runAction } from '../../action-state';

export async function createApiKeyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZCreateApiKeyForm, formData, async (input) => {
    const { secret } = await createApiKey(getDb(), { actor: await requireStaff(), input });
    revalidatePath('/staff/settings/api-keys');
    return {
      notice: `“${input.name}” was made. Copy the key below into the other system now: only its hash is kept, so it cannot be shown again.`,
      oneTimeSecret: secret,
    };
  });
}

export async function revokeApiKeyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZRevokeApiKeyForm, formData, async ({ id }) => {
    const { name } = await revokeApiKey(getDb(), { actor: await requireStaff(), id });
    revalidatePath('/staff/settings/api-keys');
    return `“${name}” was revoked: calls with it are refused from now on.`;
  });
}
