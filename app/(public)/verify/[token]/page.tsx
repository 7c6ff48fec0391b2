import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { localiseJurisdictionLabel } from '@/lib/i18n/localise-labels';
import { findVerificationLink } from '@/lib/verification/find-verification-link';
import { LinkProblem } from '../link-problem';
import { ConfirmForm } from './confirm-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verifyPage');
  return { title: t('title') };
}

/** Shows what will be confirmed; only the button's POST confirms, so link prefetchers change nothing. */
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findVerificationLink(getDb(), { token });
  if (!link.isValid) return <LinkProblem problem={link.problem} />;
  const { request } = link;
  const [t, translate] = await Promise.all([getTranslations('verifyPage'), getTranslations()]);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <dl className="summary">
        <dt>{t('request')}</dt>
        <dd>
          {translate(`requestTypes.${request.type}.title`)} — {translate(`requestTypes.${request.type}.description`)}
        </dd>
        <dt>{t('name')}</dt>
        <dd>{request.fullName}</dd>
        <dt>{t('email')}</dt>
        <dd>{request.email}</dd>
        <dt>{t('region')}</dt>
        <dd>{localiseJurisdictionLabel(translate, request.jurisdictionLabel)}</dd>
      </dl>
      <ConfirmForm token={token} />
      <p>{t('notYou')}</p>
    </>
  );
}
