'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { requestStatusLinks } from '@/lib/requests/request-status-links';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZFindRequest } from '@/lib/validation/find-request';

export type FindRequestState = { isSent?: boolean; formError?: string; fieldErrors?: { email?: string[]; reference?: string[] }; values?: { email?: string; reference?: string } };

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

export async function findRequestAction(_previous: FindRequestState, formData: FormData): Promise<FindRequestState> {
  const values = { email: text(formData, 'email'), reference: text(formData, 'reference') };
  const parsed = ZFindRequest.safeParse(values);
  if (!parsed.success) return { formError: 'Please correct the problems below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await requestStatusLinks(getDb(), { input: parsed.data, ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) return { formError: error.message, values };
    throw error;
  }
  return { isSent: true, values: { email: parsed.data.email } };
}
