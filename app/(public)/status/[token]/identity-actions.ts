'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import type { ActionState } from '@/lib/http/run-action';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZToken } from '@/lib/validation/token';
import { ZSubmitDataPoints } from '@/lib/validation/verification-levels';
import { submitDataPoints } from '@/lib/verification/submit-data-points';
import { uploadEvidence } from '@/lib/verification/upload-evidence';

/**
 * The requester's facts to prove who they are. Unlike other forms, nothing typed is echoed back
 * after a failed try: the values are compared and forgotten, never kept in a page or a log.
 */
export async function submitDataPointsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = Object.fromEntries(
    [...formData.entries()].filter(([key, value]) => typeof value === 'string' && value !== '' && !key.startsWith('$ACTION')),
  );
  const parsed = ZSubmitDataPoints.safeParse(values);
  if (!parsed.success) return { formError: 'Please correct the problems below.', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let outcome: Awaited<ReturnType<typeof submitDataPoints>>;
  try {
    outcome = await submitDataPoints(getDb(), { input: parsed.data, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error)) return { formError: error.message, fieldErrors: error.details.fieldErrors as ActionState['fieldErrors'] };
    throw error;
  }
  if (outcome.outcome === 'no_match')
    return {
      formError: `These details do not match our records. You have ${outcome.triesLeft} ${outcome.triesLeft === 1 ? 'try' : 'tries'} left.`,
    };
  redirect(`/status/${parsed.data.token}?${outcome.outcome === 'verified' ? 'identity=1' : 'identity-locked=1'}`);
}

const ZUploadToken = z.strictObject({ token: ZToken });

/** The requester sends the identity document staff asked for. */
export async function uploadEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZUploadToken.safeParse({ token: formData.get('token') });
  const file = formData.get('document');
  if (!parsed.success) return { formError: 'We could not find this request.' };
  if (!(file instanceof File)) return { formError: 'Choose a file to upload.', fieldErrors: { document: ['Choose a file to upload.'] } };
  try {
    await uploadEvidence(getDb(), { token: parsed.data.token, file, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error))
      return { formError: error.message, fieldErrors: error.details.field ? { document: [error.message] } : undefined };
    throw error;
  }
  redirect(`/status/${parsed.data.token}?uploaded=1`);
}
