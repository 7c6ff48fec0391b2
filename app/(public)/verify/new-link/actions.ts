'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZResendVerification } from '@/lib/validation/resend-verification';
import { submitRequestMaxLengths } from '@/lib/validation/submit-request';
import { resendVerification } from '@/lib/verification/resend-verification';

export type NewLinkState = { isSent?: boolean; formError?: string; fieldErrors?: { email?: string[] }; email?: string };

export async function requestNewLinkAction(_previous: NewLinkState, formData: FormData): Promise<NewLinkState> {
  const email = typeof formData.get('email') === 'string' ? (formData.get('email') as string) : '';
  const parsed = ZResendVerification.safeParse({ email });
  // Never echo back more than the field takes.
  if (!parsed.success) return { formError: 'Please correct the problem below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, email: email.slice(0, submitRequestMaxLengths.email) };
  try {
    await resendVerification(getDb(), { input: parsed.data, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) return { formError: error.message, email };
    throw error;
  }
  return { isSent: true };
}
