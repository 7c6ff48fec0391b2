import { DateTimeText } from '@/components/date-time-text';
import { formatBytes } from '@/lib/format/format-bytes';
import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import { GatherDataForm } from './gather-data-form';
import { ReleasePackageForm } from './release-package-form';
import { RunDetails } from './run-details';

type GatherPanelProps = {
  fulfilment: RequestFulfilment;
  reference: string;
  version: number;
  isWorkable: boolean;
  canRelease: boolean;
  downloadTerms: string;
};

/** Access and export: gather the person's data from every source, preview the package, release it. */
export function GatherPanel({ fulfilment, reference, version, isWorkable, canRelease, downloadTerms }: GatherPanelProps) {
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
        <RunDetails run={run} caption="Sources searched for this request" reference={reference} version={version} isWorkable={isWorkable} />
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
      {isWorkable && canRelease && run?.status === 'succeeded' && run.package ? (
        <ReleasePackageForm
          reference={reference}
          version={version}
          runId={run.id}
          fileDescription={`${reference}-your-data.zip (${formatBytes(run.package.sizeBytes)})`}
          downloadTerms={downloadTerms}
        />
      ) : null}
      {isWorkable && hasSources && run?.status !== 'running' && run?.status !== 'released' ? (
        <GatherDataForm reference={reference} version={version} isAgain={Boolean(run)} />
      ) : null}
    </>
  );
}
