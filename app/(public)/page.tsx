import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getPageOrganisationSettings } from '@/lib/settings/get-page-organisation-settings';

export default async function HomePage() {
  const [{ organisationName }, t] = await Promise.all([getPageOrganisationSettings(), getTranslations('home')]);
  return (
    <>
      <h1>{t('heading', { organisationName })}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link className="button" href="/request">
          {t('makeRequest')}
        </Link>
      </p>
    </>
  );
}
