'use client';

import { useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import type { ActionState } from './action-state';

/**
 * A staff form's success notice. Render it outside a form that is re-keyed after
 * each submit: a live region must stay mounted for screen readers to announce it.
 */
export function ActionNotice({ state }: { state: ActionState }) {
  return <div aria-live="polite">{state.notice ? <p className="notice notice--ok">{state.notice}</p> : null}</div>;
}

/** The problems at the top of a staff form; focus moves there after a failed submit so keyboard users land on them. */
export function ActionProblems({ state, labels }: { state: ActionState; labels: Record<string, string> }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus();
  }, [state]);
  return (
    <div ref={summaryRef}>
      <ErrorSummary message={state.formError} fieldErrors={state.fieldErrors} labels={labels} />
    </div>
  );
}
