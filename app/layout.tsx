import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { CSSProperties, ReactNode } from 'react';
import { getDb } from '@/lib/database';
import { getBranding } from '@/lib/settings/get-branding';
import { getPageOrganisationSettings } from '@/lib/settings/get-page-organisation-settings';
import { PrivacyContact } from '@/components/privacy-contact';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Privacy requests', template: '%s · Privacy requests' },
  description: 'Ask for a copy of your personal data, a portable export, or its erasure.',
  referrer: 'no-referrer',
  robots: { index: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) needs it, and no page here is static.
  await connection();
  const { organisationName, contactEmail, privacyNoticeUrl } = await getPageOrganisationSettings();
  const { logoPath, accentColour } = await getBranding(getDb());
  // The accent is checked on save for white text on it (4.5:1), so buttons and links keep their contrast.
  const accent = accentColour ? ({ '--accent': accentColour, '--accent-dark': accentColour } as CSSProperties) : undefined;
  return (
    <html lang="en">
      <body style={accent}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="site-header__name">
            {/* biome-ignore lint/performance/noImgElement: a small uploaded logo from our own origin; next/image adds nothing here */}
            {logoPath ? <img src={logoPath} alt="" height={32} className="site-header__logo" /> : null}
            {organisationName} <span>Privacy requests</span>
          </a>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>Your request is handled under data protection law (GDPR, UK GDPR, CCPA/CPRA, LGPD).</p>
          <PrivacyContact organisationName={organisationName} contactEmail={contactEmail} privacyNoticeUrl={privacyNoticeUrl} />
        </footer>
      </body>
    </html>
  );
}
