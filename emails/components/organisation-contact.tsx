import { Link } from '@react-email/components';
import { createContext, useContext } from 'react';

/** What the settings page says about reaching the privacy team; read when an email is sent, so a correction applies to mail still queued. */
export type OrganisationContact = {
  contactEmail?: string;
  privacyNoticeUrl?: string;
  /** Branding from the settings page: an absolute logo URL and the accent colour of buttons. */
  logoUrl?: string;
  accentColour?: string;
};

export const OrganisationContactContext = createContext<OrganisationContact>({});

/** The contact line every email ends with, when the organisation has set one. */
export function OrganisationContactLine() {
  const { contactEmail, privacyNoticeUrl } = useContext(OrganisationContactContext);
  if (!contactEmail && !privacyNoticeUrl) return null;
  return (
    <>
      {contactEmail ? (
        <>
          {' '}
          Questions or complaints: <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
        </>
      ) : null}
      {privacyNoticeUrl ? (
        <>
          {' '}
          Read our <Link href={privacyNoticeUrl}>privacy notice</Link>.
        </>
      ) : null}
    </>
  );
}
