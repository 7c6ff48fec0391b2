import type { RequestType } from '@/lib/validation/request-type';
import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { ActionCheck } from '@/lib/requests/action-check';
import { ErasurePanel } from './erasure-panel';
import { GatherPanel } from './gather-panel';

type FulfilmentPanelProps = {
  fulfilment: RequestFulfilment;
  request: { reference: string; version: number; type: RequestType };
  /** The signed-in staff member may act (auditors see the same results without a single control). */
  isWorkable: boolean;
  /** Whether erasure may start now, and why not (deletion requests; null otherwise). */
  erasure: ActionCheck | null;
  requester: string;
};

/** "Data from your systems": the request's fulfilment runs and their controls. */
export function FulfilmentPanel({ fulfilment, request, isWorkable, erasure, requester }: FulfilmentPanelProps) {
  return (
    <section className="panel" aria-labelledby="fulfilment-heading">
      <h2 id="fulfilment-heading">Data from your systems</h2>
      {erasure ? (
        <ErasurePanel
          fulfilment={fulfilment}
          reference={request.reference}
          version={request.version}
          isWorkable={isWorkable}
          requester={requester}
          erasure={erasure}
        />
      ) : (
        <GatherPanel
          fulfilment={fulfilment}
          reference={request.reference}
          version={request.version}
          isWorkable={isWorkable}
          requester={requester}
        />
      )}
    </section>
  );
}
