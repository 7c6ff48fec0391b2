import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import { FulfilmentButtonForm } from './fulfilment-button-form';
import { startOptOutAction } from './fulfilment-actions';
import { RunDetails } from './run-details';

type OptOutPanelProps = { fulfilment: RequestFulfilment; reference: string; version: number; isWorkable: boolean; requester: string };

/** Opt-outs: the flag set in every source that holds it; the request closes when all are done. */
export function OptOutPanel({ fulfilment, reference, version, isWorkable, requester }: OptOutPanelProps) {
  const { optOut } = fulfilment;
  return (
    <>
      {optOut ? (
        <RunDetails
          run={optOut}
          caption="Opt-out per source"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      ) : (
        <p className="empty-state">The opt-out has not been applied yet.</p>
      )}
      {isWorkable && optOut?.status !== 'running' && optOut?.status !== 'succeeded' ? (
        <FulfilmentButtonForm
          action={startOptOutAction}
          reference={reference}
          version={version}
          label={optOut ? 'Apply the opt-out again' : 'Apply the opt-out in every source'}
          pendingLabel="Applying…"
          hint="Sets the flag each database source’s map names for this opt-out, sends a signed “opt_out” job to each webhook source and adds a checklist item for each manual one. When every source is done, the request closes and the requester is emailed."
        />
      ) : null}
    </>
  );
}
