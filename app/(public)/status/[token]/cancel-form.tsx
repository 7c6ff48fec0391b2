'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialActionState } from '@/lib/http/run-action';
import { cancelRequestAction } from './actions';

/** Two steps (open, then confirm) so a stray click cannot withdraw a request. Works without JavaScript. */
export function CancelForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(cancelRequestAction, initialActionState);
  const t = useTranslations('statusPage.cancel');
  return (
    <details className="danger-zone">
      <summary>{t('summary')}</summary>
      <p>{t('body')}</p>
      {state.formError ? (
        <p className="field__error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <form action={formAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button--danger" disabled={isPending}>
          {isPending ? t('cancelling') : t('submit')}
        </button>
      </form>
    </details>
  );
}
