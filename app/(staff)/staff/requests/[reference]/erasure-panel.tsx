import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { ActionCheck } from '@/lib/requests/action-check';
import { RecipientsTold } from './recipients-told';
import { RunDetails } from './run-details';

type ErasurePanelProps = {
  fulfilment: RequestFulfilment;
  reference: string;
  version: number;
  isWorkable: boolean;
  erasure: ActionCheck;
  requester: string;
};

/** Deletion: the dry run's counts, then the erasure's outcome per source, retry and the manual checklist (Dry run and Erase are the page's actions). */
export function ErasurePanel({ fulfilment, reference, version, isWorkable, erasure, requester }: ErasurePanelProps) {
  const { dryRun, erase } = fulfilment;
  const hasSources = fulfilment.enabledSources.erasure > 0;
  // The domain's check (checkErasure, the one startErasure runs) says why Erase is disabled.
  const blockedReason = erasure.isAllowed ? null : erasure.reason;
  return (
    <>
      {!dryRun && !erase && !hasSources ? (
        <p className="empty-state">
          No data source is set up for erasure. An admin adds them under Settings → Data sources; until then, erase by hand and record it
          when you fulfil the request.
        </p>
      ) : null}
      <h3>Dry run</h3>
      {dryRun ? (
        <RunDetails
          run={dryRun}
          caption="What erasure would do, per source and table"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      ) : (
        <p className="empty-state">No dry run yet.</p>
      )}

      <h3>Erasure</h3>
      {erase ? (
        <RunDetails
          run={erase}
          caption="Erasure outcome per source and table"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      ) : (
        <p className="empty-state">Nothing has been erased yet.</p>
      )}
      {isWorkable && hasSources && !erase && blockedReason ? <p className="field__hint">Erase data: {blockedReason}</p> : null}
      <RecipientsTold recipients={fulfilment.recipientsTold} topic="erasure" />
    </>
  );
}
