import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FindRequestForm } from './find-request-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('findRequestPage');
  return { title: t('title') };
}

export default async function FindRequestPage() {
  const t = await getTranslations('findRequestPage');
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <FindRequestForm />
    </>
  );
}
