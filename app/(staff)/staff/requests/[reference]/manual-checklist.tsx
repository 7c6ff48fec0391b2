import type { FulfilmentRunView } from '@/lib/fulfilment/get-request-fulfilment';
import { isLastOpenItem } from '@/lib/fulfilment/is-last-open-item';
import { ConfirmManualSourceForm } from './confirm-manual-source-form';

type ManualChecklistProps = { run: FulfilmentRunView; reference: string; version: number; isWorkable: boolean; requester: string };

/** Systems with no connection: each waits for an agent to do what its instructions say and confirm it with a note. */
export function ManualChecklist({ run, reference, version, isWorkable, requester }: ManualChecklistProps) {
  const waiting = run.results.filter((result) => result.sourceKind === 'manual' && result.status === 'awaiting_confirmation');
  if (waiting.length === 0) return null;
  return (
    <div className="manual-checklist">
      <h4>To check by hand</h4>
      <ul className="plain-list">
        {waiting.map((result) => (
          <li key={result.id} className="manual-checklist__item">
            <p>
              <strong>{result.sourceName}</strong>
            </p>
            <p className="preserve-lines">{result.instructions ?? 'No instructions were written for this source.'}</p>
            {isWorkable ? (
              <ConfirmManualSourceForm
                reference={reference}
                version={version}
                resultId={result.id}
                sourceName={result.sourceName}
                isErasure={run.kind === 'erase'}
                closesRequestFor={run.kind === 'erase' && isLastOpenItem(run.results, result.id) ? requester : null}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
