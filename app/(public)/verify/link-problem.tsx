import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { VerificationLinkProblem } from '@/lib/verification/find-verification-link';

export function LinkProblem({ problem }: { problem: VerificationLinkProblem }) {
  const t = useTranslations('linkProblem');
  return (
    <>
      <h1>{t(`${problem}Title`)}</h1>
      <p className="lead">{t(`${problem}Body`)}</p>
      <p>
        <Link className="button" href="/find-request">
          {problem === 'used' ? t('emailMeLink') : t('getNewLink')}
        </Link>
      </p>
      <p>{t.rich('orNewRequest', { link: (chunks) => <Link href="/request">{chunks}</Link> })}</p>
    </>
  );
}
