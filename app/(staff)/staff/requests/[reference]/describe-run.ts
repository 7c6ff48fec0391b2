import { describeMasks } from '@/lib/data-sources/map/masked-columns';
import { isProcessingFlagRun } from '@/lib/fulfilment/processing-flag-runs';
import type { FulfilmentResultView, FulfilmentRunView, TableErasureAction } from '@/lib/fulfilment/get-request-fulfilment';

/** How a source's state reads in the results table: a processor's confirmation comes from the vendor, not an agent. */
export function sourceStatusLabel(result: Pick<FulfilmentResultView, 'status' | 'sourceKind'>): string {
  if (result.status === 'awaiting_confirmation' && result.sourceKind === 'processor') return 'Waiting for the vendor to confirm';
  return sourceStatusLabels[result.status];
}

/** How each source's state reads in the results table. */
const sourceStatusLabels: Record<FulfilmentResultView['status'], string> = {
  pending: 'Waiting to start',
  running: 'Running',
  awaiting_callback: 'Waiting for the system to answer',
  awaiting_confirmation: 'Waiting for an agent to confirm',
  succeeded: 'Done',
  failed: 'Failed',
};

const runNouns: Record<FulfilmentRunView['kind'], string> = {
  gather: 'Gathering',
  dry_run: 'Dry run',
  erase: 'Erasure',
  correct: 'Correction',
  opt_out: 'Opt-out',
  restrict: 'Restriction',
  object: 'Objection',
};

const count = (value: number, noun: string) => `${value.toLocaleString('en')} ${noun}${value === 1 ? '' : 's'}`;

/** The rows a source has handled: its counts once done, its progress while running. */
export function resultRows(result: FulfilmentResultView): number {
  return result.status === 'running' ? result.rowsDone : result.tables.reduce((total, table) => total + table.rows, 0);
}

/**
 * Whether the system is working on the run right now (a source running or waiting
 * to, a webhook's answer due, the package being built), so the page should keep
 * refreshing itself. A run waiting only for an agent's checklist confirmation is not.
 */
export function isRunWorking(run: FulfilmentRunView): boolean {
  if (run.status !== 'running') return false;
  const isAllDone = run.results.every((result) => result.status === 'succeeded');
  return (
    isAllDone ||
    run.results.some((result) => result.status === 'pending' || result.status === 'running' || result.status === 'awaiting_callback')
  );
}

/** One sentence for the run's live status line. */
export function describeRun(run: FulfilmentRunView): string {
  const done = run.results.filter((result) => result.status === 'succeeded').length;
  const failed = run.results.filter((result) => result.status === 'failed').length;
  const waiting = run.results.filter((result) => result.status === 'awaiting_confirmation' && result.sourceKind !== 'processor').length;
  const vendors = run.results.filter((result) => result.status === 'awaiting_confirmation' && result.sourceKind === 'processor').length;
  const rows = run.results.reduce((total, result) => total + resultRows(result), 0);
  const noun = runNouns[run.kind];
  switch (run.status) {
    case 'running':
      if (run.kind === 'gather' && done === run.results.length) return 'Every source is done; building the package…';
      return `${noun} in progress: ${done} of ${count(run.results.length, 'source')} done, ${count(rows, 'row')} so far${failed > 0 ? `; ${count(failed, 'source')} failed` : ''}${waiting > 0 ? `; ${count(waiting, 'checklist item')} to confirm` : ''}${vendors > 0 ? `; ${count(vendors, 'vendor')} to answer` : ''}.`;
    case 'failed':
      return failed > 0
        ? `${noun} failed: ${count(failed, 'source')} failed. The request stays open until every source succeeds.`
        : `${noun} failed.`;
    case 'succeeded':
      if (run.kind === 'gather')
        return `Package ready: ${count(rows, 'row')} from ${count(run.results.length, 'source')}. Preview it, then release it to the requester.`;
      if (run.kind === 'dry_run')
        return `Dry run finished: erasure would touch ${count(
          run.results.reduce((total, result) => total + touchedRows(result), 0),
          'row',
        )} in ${count(run.results.length, 'source')}.`;
      if (run.kind === 'correct') return 'Correction confirmed by every webhook and checklist source.';
      if (isProcessingFlagRun(run.kind))
        return `${runNouns[run.kind]} applied in every source (${count(rows, 'row')} updated in databases).`;
      return `Erasure finished: every source succeeded.`;
    case 'released':
      return 'Package released to the requester.';
  }
}

/** Rows erasure deletes or anonymises (kept rows aside). */
function touchedRows(result: FulfilmentResultView): number {
  return result.tables.filter((table) => table.erasure?.action !== 'keep').reduce((total, table) => total + table.rows, 0);
}

/** What erasure does (dry run: would do) to one table, in words. */
export function describeErasure(erasure: TableErasureAction | null, kind: FulfilmentRunView['kind']): string | null {
  if (!erasure || (kind !== 'dry_run' && kind !== 'erase')) return null;
  const isDry = kind === 'dry_run';
  switch (erasure.action) {
    case 'delete':
      return isDry ? 'would be deleted' : 'deleted';
    case 'anonymise':
      return `${isDry ? 'would be kept with' : 'kept with'} ${describeMasks(erasure)}`;
    case 'keep':
      return `kept: ${erasure.reason}`;
  }
}

/** An erasure's proof in words: the source searched again afterwards, and what it found per table. */
export function describeProof(proof: NonNullable<FulfilmentResultView['proof']>): string {
  const tables = Object.entries(proof.tables).map(([table, found]) => {
    if (found.isKept) return `${table} kept`;
    if (found.remaining === 0) return `${table} none left`;
    const unmasked = found.remaining - found.masked;
    return unmasked === 0 ? `${table} only masked rows (${found.masked})` : `${table} ${unmasked} not erased`;
  });
  return `${proof.isProven ? 'Proven' : 'Not proven'}: searched again afterwards — ${tables.join(', ')}.`;
}
