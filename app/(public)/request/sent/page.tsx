import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SENT_TO_COOKIE } from '../sent-to-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sentPage');
  return { title: t('title') };
}

/**
 * The same page for every submission, new or repeated, so it reveals nothing about who has filed before.
 * It repeats the address this browser typed (a short-lived cookie), so a typo is caught here.
 */
export default async function RequestSentPage() {
  const [cookieStore, t] = await Promise.all([cookies(), getTranslations('sentPage')]);
  const sentTo = cookieStore.get(SENT_TO_COOKIE)?.value;
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{sentTo ? t.rich('sentTo', { email: sentTo, strong }) : t.rich('sentToUnknown', { strong })}</p>
      {sentTo ? <p>{t.rich('wrongAddress', { link: (chunks) => <Link href="/request">{chunks}</Link> })}</p> : null}
      <p>{t('linkRules')}</p>
      <p>{t.rich('nothingArrived', { link: (chunks) => <Link href="/find-request">{chunks}</Link> })}</p>
    </>
  );
}
