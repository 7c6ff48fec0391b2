import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { CSSProperties, ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getDb } from '@/lib/database';
import { getBranding } from '@/lib/settings/get-branding';
import { PrivacyContact } from '@/components/privacy-contact';
import { PATH_HEADER } from '@/lib/i18n/locale-cookie';
import { textDirectionOf } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { resolvePageLocale } from '@/lib/i18n/resolve-page-locale';
import { getPageOrganisationSettings } from '@/lib/settings/get-page-organisation-settings';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('layout');
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description'),
    referrer: 'no-referrer',
    robots: { index: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) needs it, and no page here is static.
  await connection();
  const [locale, requestHeaders] = await Promise.all([resolvePageLocale(), headers()]);
  const [t, { organisationName, contactEmail, privacyNoticeUrl }, { logoPath, accentColour }] = await Promise.all([
    getTranslations('layout'),
    getPageOrganisationSettings(locale),
    getBranding(getDb()),
  ]);
  // The accent is checked on save for white text on it (4.5:1), so buttons and links keep their contrast.
  const accent = accentColour ? ({ '--accent': accentColour, '--accent-dark': accentColour } as CSSProperties) : undefined;
  const path = requestHeaders.get(PATH_HEADER) ?? '/';
  const isStaffPage = path === '/staff' || path.startsWith('/staff/');
  return (
    <html lang={locale} dir={textDirectionOf(locale)}>
      <body style={accent}>
        <NextIntlClientProvider locale={locale} messages={messagesFor(locale)} timeZone="UTC">
          <a className="skip-link" href="#main">
            {t('skipLink')}
          </a>
          <header className="site-header">
            <a href="/" className="site-header__name">
              {/* biome-ignore lint/performance/noImgElement: a small uploaded logo from our own origin; next/image adds nothing here */}
              {logoPath ? <img src={logoPath} alt="" height={32} className="site-header__logo" /> : null}
              {organisationName} <span>{t('siteName')}</span>
            </a>
            {/* Staff pages stay English; the switcher is for requesters. */}
            {isStaffPage ? null : <LanguageSwitcher locale={locale} returnTo={path} />}
          </header>
          <main id="main" className="page">
            {children}
          </main>
          <footer className="site-footer">
            <p>{t('lawNote')}</p>
            <PrivacyContact organisationName={organisationName} contactEmail={contactEmail} privacyNoticeUrl={privacyNoticeUrl} />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
