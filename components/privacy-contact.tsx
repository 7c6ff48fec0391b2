import Link from 'next/link';

type PrivacyContactProps = { organisationName: string; contactEmail?: string; privacyNoticeUrl?: string };

/**
 * How to reach the privacy team and where the privacy notice is, on every public page, so a
 * requester is never left without a way forward. "Find my request" is always offered.
 */
export function PrivacyContact({ organisationName, contactEmail, privacyNoticeUrl }: PrivacyContactProps) {
  return (
    <p className="privacy-contact">
      {contactEmail ? (
        <>
          Questions or complaints: <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.{' '}
        </>
      ) : null}
      {privacyNoticeUrl ? (
        <>
          <a href={privacyNoticeUrl} rel="noopener">
            {organisationName}’s privacy notice
          </a>
          .{' '}
        </>
      ) : null}
      Lost your link? <Link href="/find-request">Find my request</Link>.
    </p>
  );
}
