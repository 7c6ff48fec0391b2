import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        {t.rich('links', {
          start: (chunks) => <Link href="/">{chunks}</Link>,
          request: (chunks) => <Link href="/request">{chunks}</Link>,
        })}
      </p>
    </>
  );
}
