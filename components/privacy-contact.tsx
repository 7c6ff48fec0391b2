import Link from 'next/link';
import { useTranslations } from 'next-intl';

type PrivacyContactProps = { organisationName: string; contactEmail?: string; privacyNoticeUrl?: string };

/**
 * How to reach the privacy team and where the privacy notice is, on every public page, so a
 * requester is never left without a way forward. "Find my request" is always offered.
 */
export function PrivacyContact({ organisationName, contactEmail, privacyNoticeUrl }: PrivacyContactProps) {
  const t = useTranslations('layout');
  return (
    <p className="privacy-contact">
      {contactEmail ? (
        <>
          {t('contactQuestions')} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.{' '}
        </>
      ) : null}
      {privacyNoticeUrl ? (
        <>
          <a href={privacyNoticeUrl} rel="noopener">
            {t('privacyNotice', { organisationName })}
          </a>
          .{' '}
        </>
      ) : null}
      {t('lostLink')} <Link href="/find-request">{t('findRequest')}</Link>.
    </p>
  );
}
