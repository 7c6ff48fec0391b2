import { Link } from '@react-email/components';
import { createContext, useContext } from 'react';
import { useTranslations } from 'use-intl';

/**
 * What the settings page says about reaching the privacy team, in the email's language (English where an admin
 * wrote no translation); read when an email is sent, so a correction applies to mail still queued.
 */
export type OrganisationContact = {
  contactEmail?: string;
  privacyNoticeUrl?: string;
  signOff?: string;
  /** Branding from the settings page: an absolute logo URL and the accent colour of buttons. */
  logoUrl?: string;
  accentColour?: string;
};

export const OrganisationContactContext = createContext<OrganisationContact>({});

/** The contact line every email ends with, when the organisation has set one. */
export function OrganisationContactLine() {
  const { contactEmail, privacyNoticeUrl } = useContext(OrganisationContactContext);
  const t = useTranslations('emails.layout');
  if (!contactEmail && !privacyNoticeUrl) return null;
  return (
    <>
      {contactEmail ? (
        <>
          {' '}
          {t('contactQuestions')} <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
        </>
      ) : null}
      {privacyNoticeUrl ? (
        <>
          {' '}
          {t('readOur')} <Link href={privacyNoticeUrl}>{t('privacyNotice')}</Link>.
        </>
      ) : null}
    </>
  );
}

/** The organisation's own sign-off above the footer ("The Northwind privacy team"), when an admin has written one. */
export function OrganisationSignOff() {
  const { signOff } = useContext(OrganisationContactContext);
  return signOff ?? null;
}
