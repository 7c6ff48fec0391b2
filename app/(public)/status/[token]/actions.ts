'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { clientIpFrom } from '@/lib/security/client-ip';

export type CancelState = { formError?: string };

export async function cancelRequestAction(_previous: CancelState, formData: FormData): Promise<CancelState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { formError: 'We could not find this request.' };
  try {
    await cancelRequest(getDb(), { token, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'INVALID_TRANSITION') || isAppError(error, 'NOT_FOUND')) return { formError: error.message };
    throw error;
  }
  redirect(`/status/${token}?cancelled=1`);
}
