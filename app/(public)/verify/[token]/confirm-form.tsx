'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { LinkProblem } from '../link-problem';
import { type ConfirmState, confirmVerificationAction } from './actions';

export function ConfirmForm({ token }: { token: string }) {
  const t = useTranslations('verifyPage');
  const [state, formAction, isPending] = useActionState<ConfirmState, FormData>(confirmVerificationAction, {});
  if (state.problem) return <LinkProblem problem={state.problem} />;
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={isPending}>
        {isPending ? t('confirming') : t('confirm')}
      </button>
    </form>
  );
}
