import type { RequestType } from '@/lib/validation/request-type';
import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { ActionCheck } from '@/lib/requests/action-check';
import { ErasurePanel } from './erasure-panel';
import { GatherPanel } from './gather-panel';
import { IdentityChainNotice } from './identity-chain-notice';
import { ErasureReplaySection } from './erasure-replay';
import type { ReactNode } from 'react';
import { DateTimeText } from '@/components/date-time-text';
import { isCopyFromUploadsOnly } from '@/lib/fulfilment/copy-from-uploads';
import type { CopyRelease } from '@/lib/fulfilment/find-copy-release';

type FulfilmentPanelProps = {
  fulfilment: RequestFulfilment;
  request: { reference: string; version: number; type: RequestType };
  /** The signed-in staff member may act (auditors see the same results without a single control). */
  isWorkable: boolean;
  /** Whether erasure may start now, and why not (deletion requests; null otherwise). */
  erasure: ActionCheck | null;
  requester: string;
  /** May replay an erasure after a backup restore (the request is closed by then, so not `isWorkable`). */
  canReplayErasure: boolean;
  /** A deletion with a copy first (null otherwise): the copy is gathered and released before the erasure. */
  copy?: { release: CopyRelease | null } | null;
};

/** "Data from your systems": the request's fulfilment runs and their controls. */
export function FulfilmentPanel({
  fulfilment,
  request,
  isWorkable,
  erasure,
  requester,
  canReplayErasure,
  copy = null,
}: FulfilmentPanelProps) {
  const run = { fulfilment, reference: request.reference, version: request.version, isWorkable, requester };
  return (
    <FulfilmentSection heading="Data from your systems">
      <IdentityChainNotice chain={erasure ? fulfilment.identityChain.erasure : fulfilment.identityChain.access} />
      {erasure && copy ? (
        <section aria-labelledby="copy-heading">
          <h3 id="copy-heading">Copy before erasure</h3>
          <CopyReleaseSummary
            release={copy.release}
            isFromUploadsOnly={isCopyFromUploadsOnly({
              accessSources: fulfilment.enabledSources.access,
              hasGathered: fulfilment.gather !== null,
            })}
          />
          <GatherPanel {...run} />
        </section>
      ) : null}
      {erasure ? <ErasurePanel {...run} erasure={erasure} /> : <GatherPanel {...run} />}
      {erasure && fulfilment.erasureReplay ? (
        <ErasureReplaySection
          replay={fulfilment.erasureReplay}
          reference={request.reference}
          version={request.version}
          isWorkable={canReplayErasure}
        />
      ) : null}
    </FulfilmentSection>
  );
}

/** The request page's one panel of runs against the organisation's systems; the page's contents link to its heading. */
export function FulfilmentSection({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="fulfilment-heading">
      <h2 id="fulfilment-heading">{heading}</h2>
      {children}
    </section>
  );
}

/** "Copy released on …; erasure possible from … or once downloaded (downloaded: yes/no)", or that it is still to release. */
function CopyReleaseSummary({ release, isFromUploadsOnly }: { release: CopyRelease | null; isFromUploadsOnly: boolean }) {
  if (!release && isFromUploadsOnly)
    return (
      <p className="field__hint" id="copy-release-summary">
        The requester asked for a copy of their data first, but no data source is enabled for access requests, so nothing can be gathered.
        Release a copy made of files you upload (a manual export, a paper file) under “Release the copy”; the erasure then waits for its
        download or the copy wait as usual. Or an admin enables an access source under Settings → Data sources, and you gather it.
      </p>
    );
  if (!release)
    return (
      <p className="field__hint">The requester asked for a copy of their data first: gather it and release the copy before erasing.</p>
    );
  return (
    <p id="copy-release-summary">
      Copy released on <DateTimeText date={release.releasedAt} />; erasure possible from <DateTimeText date={release.erasureFrom} /> or once
      downloaded (downloaded: {release.isDownloaded ? 'yes' : 'no'}).
      {release.isFromUploadsOnly ? ' The copy was made of uploaded files only (no source to gather from).' : ''}
    </p>
  );
}
