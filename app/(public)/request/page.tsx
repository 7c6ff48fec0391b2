import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { localiseJurisdictionLabel } from '@/lib/i18n/localise-labels';
import { listJurisdictionOptions } from '@/lib/requests/list-jurisdiction-options';
import { hasGpcSignal } from '@/lib/security/global-privacy-control';
import { RequestForm } from './request-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('requestPage');
  return { title: t('title') };
}

export default async function RequestPage() {
  const [jurisdictions, requestHeaders, t, translate] = await Promise.all([
    listJurisdictionOptions(getDb()),
    headers(),
    getTranslations('requestPage'),
    getTranslations(),
  ]);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <RequestForm
        jurisdictions={jurisdictions.map((option) => ({ ...option, label: localiseJurisdictionLabel(translate, option.label) }))}
        hasGpcSignal={hasGpcSignal(requestHeaders)}
      />
    </>
  );
}
