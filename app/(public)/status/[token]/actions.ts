'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { type ActionState, runAction } from '@/lib/http/run-action';
import { answerInformationRequest } from '@/lib/requests/answer-information-request';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { appealRequest } from '@/lib/requests/appeal-request';
import { addContestStatement } from '@/lib/requests/add-contest-statement';
import { ZContestStatement } from '@/lib/validation/contest-statement';
import { ZAnswerInformationRequest, ZAppealRequest } from '@/lib/validation/staff-actions';
import { ZToken } from '@/lib/validation/token';

const ZCancelRequestForm = z.strictObject({ token: ZToken });
const ZReplyForm = ZAnswerInformationRequest.extend({ token: ZToken });
const ZContestStatementForm = ZContestStatement.extend({ token: ZToken });

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

/** The requester appeals a refusal within the regime's window; the appeal joins the queue as its own item. */
export async function appealRequestAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { formError: 'We could not find this request.' };
  const values = { reason: typeof formData.get('reason') === 'string' ? String(formData.get('reason')) : '' };
  const parsed = ZAppealRequest.safeParse(values);
  if (!parsed.success)
    return { formError: 'Please correct the problem below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await appealRequest(getDb(), { token, reason: parsed.data.reason, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'VALIDATION')) return { formError: error.message, fieldErrors: { reason: [error.message] }, values };
    if (isAppError(error, 'INVALID_TRANSITION') || isAppError(error, 'NOT_FOUND')) return { formError: error.message, values };
    throw error;
  }
  redirect(`/status/${token}?appealed=1`);
}

/** After a declined correction, the requester's statement contesting the data (11 CCR §7023(f)), kept with the request. */
export async function addContestStatementAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZContestStatementForm, formData, async ({ token, statement }) => {
    await addContestStatement(getDb(), { token, statement, ip: clientIpFrom(await headers()) });
    redirect(`/status/${token}?statement=1`);
  });
}
