import { DateTimeText } from '@/components/date-time-text';
import { formatBytes } from '@/lib/format/format-bytes';
import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import { RunDetails } from './run-details';

type GatherPanelProps = {
  fulfilment: RequestFulfilment;
  reference: string;
  version: number;
  isWorkable: boolean;
  requester: string;
};

/** Access and export: what gathering found and the package to preview (Gather and Release are the page's actions). */
export function GatherPanel({ fulfilment, reference, version, isWorkable, requester }: GatherPanelProps) {
  const run = fulfilment.gather;
  const hasSources = fulfilment.enabledSources.access > 0;
  const previewHref = run ? `/staff/requests/${encodeURIComponent(reference)}/package?run=${run.id}` : null;
  return (
    <>
      {!run ? (
        <p className="empty-state">
          {hasSources
            ? 'No data has been gathered for this request yet.'
            : 'No data source is set up for access requests. An admin adds them under Settings → Data sources; until then, answer by attaching the files yourself.'}
        </p>
      ) : (
        <RunDetails
          run={run}
          caption="Sources searched for this request"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      )}
      {run?.package && previewHref ? (
        <p>
          Package: {formatBytes(run.package.sizeBytes)}, SHA-256 <code className="audit-hash">{run.package.sha256}</code>.{' '}
          <a href={previewHref}>Preview the package</a>
        </p>
      ) : null}
      {run?.status === 'released' && run.releasedAt ? (
        <p>
          Released to the requester <DateTimeText date={run.releasedAt} />
          {run.releasedByName ? ` by ${run.releasedByName}` : ''}.
        </p>
      ) : null}
    </>
  );
}
