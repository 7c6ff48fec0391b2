import { DateTimeText } from '@/components/date-time-text';
import type { FulfilmentRunView } from '@/lib/fulfilment/get-request-fulfilment';
import { describeRun, isRunWorking } from './describe-run';
import { ManualChecklist } from './manual-checklist';
import { RetryFailedSourcesForm } from './retry-failed-sources-form';
import { RunProgress } from './run-progress';
import { SourceResultsTable } from './source-results-table';

type RunDetailsProps = {
  run: FulfilmentRunView;
  caption: string;
  reference: string;
  version: number;
  isWorkable: boolean;
  /** The requester as the checklist's last-item warning names them. */
  requester: string;
};

/** A run as the request page shows it, whatever its kind: live status, per-source results, checklist items, retry. */
export function RunDetails({ run, caption, reference, version, isWorkable, requester }: RunDetailsProps) {
  const failedCount = run.results.filter((result) => result.status === 'failed').length;
  return (
    <>
      <RunProgress summary={describeRun(run)} isRunning={isRunWorking(run)} />
      <p className="field__hint">
        Started <DateTimeText date={run.createdAt} /> by {run.startedByName ?? 'the system (when the request was confirmed)'}
        {run.finishedAt ? (
          <>
            ; finished <DateTimeText date={run.finishedAt} />
          </>
        ) : null}
        .
      </p>
      <SourceResultsTable run={run} caption={caption} />
      {run.error ? <p className="flag">{run.error}</p> : null}
      <ManualChecklist run={run} reference={reference} version={version} isWorkable={isWorkable} requester={requester} />
      {isWorkable && (run.status === 'failed' || run.status === 'running') && failedCount > 0 ? (
        <RetryFailedSourcesForm reference={reference} version={version} runId={run.id} failedCount={failedCount} />
      ) : null}
    </>
  );
}
