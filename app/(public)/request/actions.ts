'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { formFileList, formFiles } from '@/lib/http/run-action';
import { resolveIntakeLocale } from '@/lib/i18n/resolve-page-locale';
import { submitRequest } from '@/lib/requests/submit-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { hasGpcSignal } from '@/lib/security/global-privacy-control';
import { submitRequestMaxLengths, ZSubmitRequestForm } from '@/lib/validation/submit-request';
import { isIanaTimeZone } from '@/lib/validation/time-zone';
import { correctionFieldMaxLengths, gatherCorrectionFields } from '@/lib/validation/correction-request';
import type { SubmitRequestFormState } from './form-state';
import { SENT_TO_COOKIE, SENT_TO_COOKIE_OPTIONS } from './sent-to-cookie';

const textFields = [
  'type',
  'email',
  'fullName',
  'accountIdentifier',
  'details',
  'jurisdiction',
  'website',
  'agentName',
  'agentEmail',
  'agentOrganisation',
  'timeZone',
] as const;

export async function submitRequestAction(_previous: SubmitRequestFormState, formData: FormData): Promise<SubmitRequestFormState> {
  const values: SubmitRequestFormState['values'] = {};
  for (const field of textFields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  for (const [field, value] of formData.entries())
    if (/^correctionFields\.\d{1,2}\.(field|currentValue|shouldBe)$/.test(field) && typeof value === 'string')
      values[field] = value.slice(0, correctionFieldMaxLengths.shouldBe);
  if (formData.get('isAuthorised') === 'on') values.isAuthorised = 'on';
  // The box is offered with a deletion only; left ticked after switching to another type, it means nothing.
  if (formData.get('copyBeforeErasure') === 'on' && values.type === 'deletion') values.copyBeforeErasure = 'on';
  // The browser fills the time zone in; one this server does not know is left out (the organisation's is used), never a form error.
  if (values.timeZone !== undefined && !isIanaTimeZone(values.timeZone)) delete values.timeZone;

  const { agentPermission } = formFiles(formData);
  const correctionAttachments = formFileList(formData, 'correctionAttachments');
  const parsed = ZSubmitRequestForm.safeParse({
    ...gatherCorrectionFields(values),
    correctionAttachments: correctionAttachments.length > 0 ? correctionAttachments : undefined,
    isAuthorised: values.isAuthorised === 'on',
    copyBeforeErasure: values.copyBeforeErasure === 'on' ? true : undefined,
    agentPermission,
  });
  if (!parsed.success) {
    // What was typed comes back to fill the form again, but never more of it than a field takes.
    const echoed = Object.fromEntries(
      Object.entries(values).map(([field, value = '']) => [
        field,
        field in submitRequestMaxLengths ? value.slice(0, submitRequestMaxLengths[field as keyof typeof submitRequestMaxLengths]) : value,
      ]),
    );
    return { formError: 'Please correct the problems below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: echoed };
  }

  try {
    const requestHeaders = await headers();
    await submitRequest(getDb(), {
      input: parsed.data,
      channel: 'web',
      ip: clientIpFrom(requestHeaders),
      gpcSignal: hasGpcSignal(requestHeaders),
      // The language the form was read in: every later email and page for the request uses it.
      language: await resolveIntakeLocale(),
    });
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) return { formError: error.message, values };
    if (isAppError(error, 'VALIDATION') && typeof error.details.field === 'string') {
      return { formError: 'Please correct the problems below.', fieldErrors: { [error.details.field]: [error.message] }, values };
    }
    throw error;
  }
  (await cookies()).set(SENT_TO_COOKIE, parsed.data.email, { ...SENT_TO_COOKIE_OPTIONS, secure: env().APP_URL.startsWith('https:') });
  redirect('/request/sent');
}
