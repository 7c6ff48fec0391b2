'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { clientIpFrom } from '@/lib/security/client-ip';
import type { VerificationLinkProblem } from '@/lib/verification/find-verification-link';
import { confirmVerification } from '@/lib/verification/confirm-verification';

export type ConfirmState = { problem?: VerificationLinkProblem };

export async function confirmVerificationAction(_previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { problem: 'unknown' };
  let statusToken: string;
  try {
    ({ statusToken } = await confirmVerification(getDb(), { token, ip: clientIpFrom(await headers()) }));
  } catch (error) {
    if (isAppError(error, 'TOKEN_INVALID')) return { problem: (error.details.problem as VerificationLinkProblem | undefined) ?? 'unknown' };
    throw error;
  }
  redirect(`/status/${statusToken}?confirmed=1`);
}
