'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {error.digest ? <p>{t('reference', { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </>
  );
}
