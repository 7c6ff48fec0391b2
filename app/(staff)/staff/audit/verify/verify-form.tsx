'use client';

import { useActionState } from 'react';
import { breakReasonLabels } from '@/lib/audit/break-reason-labels';
import { ActionProblems } from '../../form-feedback';
import { verifyAuditChainAction, type VerifyAuditChainState } from './actions';

const initialState: VerifyAuditChainState = {};

/** The button and, once it has run, the result; the live region stays mounted so the outcome is announced. */
export function VerifyForm() {
  const [state, formAction, isPending] = useActionState(verifyAuditChainAction, initialState);
  const { result } = state;
  return (
    <>
      <form action={formAction} className="audit-verify-form">
        <ActionProblems state={state} labels={{}} />
        <button type="submit" className="button" disabled={isPending} aria-describedby="verify-hint">
          {isPending ? 'Verifying…' : 'Verify the audit log now'}
        </button>
        <p id="verify-hint" className="field__hint">
          Seals what is committed, then recomputes every event’s hash and leaf and checks every signed tree head up to the newest event. The
          check is recorded in the audit log.
        </p>
      </form>
      <div aria-live="polite" className="audit-verify-result">
        {result ? (
          <section
            className={result.isIntact ? 'panel audit-verify-result--intact' : 'panel panel--danger'}
            aria-labelledby="verify-result-heading"
          >
            <h2 id="verify-result-heading">
              {result.isIntact ? 'The audit log is intact' : `The audit log is broken at event ${result.firstBreak!.eventId}`}
            </h2>
            <dl className="summary">
              <dt>Events checked</dt>
              <dd>
                {result.checkedCount.toLocaleString('en-GB')} ({result.sealedCount.toLocaleString('en-GB')} sealed in the Merkle tree,{' '}
                {result.unsealedCount.toLocaleString('en-GB')} not sealed yet)
              </dd>
              {result.treeHead ? (
                <>
                  <dt>Signed tree head</dt>
                  <dd>
                    size {result.treeHead.treeSize.toLocaleString('en-GB')}, signed{' '}
                    <time dateTime={result.treeHead.signedAt}>{result.treeHead.signedAt}</time>, root{' '}
                    <code className="audit-hash">{result.treeHead.rootHash}</code>
                  </dd>
                </>
              ) : null}
              <dt>Head (newest event when the check started)</dt>
              <dd>{result.head ? `event ${result.head.eventId}` : 'none: the audit log is empty'}</dd>
              {result.head?.hash ? (
                <>
                  <dt>Head hash</dt>
                  <dd>
                    <code className="audit-hash">{result.head.hash}</code>
                  </dd>
                </>
              ) : null}
              {result.firstBreak ? (
                <>
                  <dt>First broken event</dt>
                  <dd>
                    event {result.firstBreak.eventId}
                    {result.firstBreak.createdAt ? (
                      <>
                        , written <time dateTime={result.firstBreak.createdAt}>{result.firstBreak.createdAt}</time>
                      </>
                    ) : null}
                  </dd>
                  <dt>What is wrong</dt>
                  <dd>{breakReasonLabels[result.firstBreak.reason]}</dd>
                  <dt>Expected</dt>
                  <dd>
                    <code className="audit-hash">{result.firstBreak.expected ?? '(none)'}</code>
                  </dd>
                  <dt>Found</dt>
                  <dd>
                    <code className="audit-hash">{result.firstBreak.found ?? '(none)'}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
      </div>
    </>
  );
}
