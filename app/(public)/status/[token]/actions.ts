'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { type ActionState, runAction } from '@/lib/http/run-action';
import { answerInformationRequest } from '@/lib/requests/answer-information-request';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZAnswerInformationRequest } from '@/lib/validation/staff-actions';
import { ZToken } from '@/lib/validation/token';

const ZCancelRequestForm = z.strictObject({ token: ZToken });
const ZReplyForm = ZAnswerInformationRequest.extend({ token: ZToken });

/** The requester withdraws their request; the page then says so. */
export async function cancelRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZCancelRequestForm, formData, async ({ token }) => {
    await cancelRequest(getDb(), { token, ip: clientIpFrom(await headers()) });
    redirect(`/status/${token}?cancelled=1`);
  });
}

/** The requester answers staff's question; the request goes back to the queue and a stopped clock restarts. */
export async function answerInformationRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZReplyForm, formData, async ({ token, message }) => {
    await answerInformationRequest(getDb(), { token, message, ip: clientIpFrom(await headers()) });
    redirect(`/status/${token}?replied=1`);
  });
}
