import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { ActionCheck } from '@/lib/requests/action-check';
import { describeRun } from './describe-run';
import { DryRunForm } from './dry-run-form';
import { EraseForm } from './erase-form';
import { RecipientsTold } from './recipients-told';
import { RunDetails } from './run-details';

type ErasurePanelProps = { fulfilment: RequestFulfilment; reference: string; version: number; isWorkable: boolean; erasure: ActionCheck };

/** Deletion: a dry run first (counts only), then erasure, each source's outcome, retry and the manual checklist. */
export function ErasurePanel({ fulfilment, reference, version, isWorkable, erasure }: ErasurePanelProps) {
  const { dryRun, erase } = fulfilment;
  const hasSources = fulfilment.enabledSources.erasure > 0;
  const isErasureUnderway = erase?.status === 'running' || erase?.status === 'succeeded';
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
        />
      ) : (
        <p className="empty-state">No dry run yet.</p>
      )}
      {isWorkable && hasSources && dryRun?.status !== 'running' && !isErasureUnderway ? (
        <DryRunForm reference={reference} version={version} isAgain={Boolean(dryRun)} />
      ) : null}

      <h3>Erasure</h3>
      {erase ? (
        <RunDetails
          run={erase}
          caption="Erasure outcome per source and table"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
        />
      ) : (
        <p className="empty-state">Nothing has been erased yet.</p>
      )}
      <RecipientsTold recipients={fulfilment.recipientsTold} />
      {isWorkable && hasSources && !erase ? (
        <EraseForm
          reference={reference}
          version={version}
          blockedReason={blockedReason}
          dryRunSummary={dryRun?.status === 'succeeded' ? describeRun(dryRun) : null}
        />
      ) : null}
    </>
  );
}
