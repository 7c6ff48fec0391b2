'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { runAction, type ActionState } from '@/lib/http/run-action';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from '@/lib/i18n/locale-cookie';
import { isSupportedLocale } from '@/lib/i18n/locales';
import { changeRequestLanguage } from '@/lib/requests/change-request-language';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZChangeLanguage } from '@/lib/validation/change-language';

const requestPagePath = /^\/(?:status|verify)\/([^/?#]+)/;

/**
 * The language switcher in every public page's header. Remembers the choice in a cookie; on a request's own
 * page (status, confirmation) it also changes the language stored on the request, so its later emails follow.
 */
export async function changeLanguageAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZChangeLanguage, formData, async ({ locale, returnTo }) => {
    if (locale === 'en-XA' && !env().PSEUDO_LOCALE) return;
    (await cookies()).set(LOCALE_COOKIE, locale, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
      secure: env().APP_URL.startsWith('https:'),
    });
    const token = requestPagePath.exec(returnTo)?.[1];
    if (token && isSupportedLocale(locale)) {
      await changeRequestLanguage(getDb(), { token: decodeURIComponent(token), language: locale, ip: clientIpFrom(await headers()) });
    }
    redirect(returnTo);
  });
}
