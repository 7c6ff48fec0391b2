'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { requestStatusLinks } from '@/lib/requests/request-status-links';
import { clientIpFrom } from '@/lib/security/client-ip';
import { REFERENCE_MAX_LENGTH, ZFindRequest } from '@/lib/validation/find-request';
import { submitRequestMaxLengths } from '@/lib/validation/submit-request';

export type FindRequestState = {
  isSent?: boolean;
  formError?: string;
  fieldErrors?: { email?: string[]; reference?: string[] };
  values?: { email?: string; reference?: string };
};

/** A field as typed, cut to what its schema takes: a refused form never echoes more back. */
function text(formData: FormData, name: string, maxLength: number): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, maxLength) : '';
}

export async function findRequestAction(_previous: FindRequestState, formData: FormData): Promise<FindRequestState> {
  const values = {
    email: text(formData, 'email', submitRequestMaxLengths.email),
    reference: text(formData, 'reference', REFERENCE_MAX_LENGTH),
  };
  const parsed = ZFindRequest.safeParse(values);
  if (!parsed.success)
    return { formError: 'Please correct the problems below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await requestStatusLinks(getDb(), { input: parsed.data, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) return { formError: error.message, values };
    throw error;
  }
  return { isSent: true, values: { email: parsed.data.email } };
}
