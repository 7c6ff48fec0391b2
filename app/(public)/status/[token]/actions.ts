'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { z } from 'zod';
import { isAppError } from '@/lib/errors/app-error';
import { answerInformationRequest } from '@/lib/requests/answer-information-request';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { MESSAGE_MAX_LENGTH, ZAnswerInformationRequest } from '@/lib/validation/staff-actions';

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

export type ReplyState = { formError?: string; fieldErrors?: { message?: string[] }; values?: { message?: string } };

/** The requester answers staff's question; the request goes back to the queue and a stopped clock restarts. */
export async function answerInformationRequestAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { formError: 'We could not find this request.' };
  const values = { message: typeof formData.get('message') === 'string' ? String(formData.get('message')) : '' };
  const parsed = ZAnswerInformationRequest.safeParse(values);
  // Never echo back more than the field takes.
  if (!parsed.success) return { formError: 'Please correct the problem below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { message: values.message.slice(0, MESSAGE_MAX_LENGTH) } };
  try {
    await answerInformationRequest(getDb(), { token, message: parsed.data.message, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'INVALID_TRANSITION') || isAppError(error, 'NOT_FOUND')) return { formError: error.message, values };
    throw error;
  }
  redirect(`/status/${token}?replied=1`);
}
