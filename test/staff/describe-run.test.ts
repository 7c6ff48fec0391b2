import { describe, expect, it } from 'vitest';
import { describeRun, sourceStatusLabel } from '@/app/(staff)/staff/requests/[reference]/describe-run';
import type { FulfilmentResultView, FulfilmentRunView } from '@/lib/fulfilment/get-request-fulfilment';

function result(sourceKind: FulfilmentResultView['sourceKind'], status: FulfilmentResultView['status']): FulfilmentResultView {
  return {
    id: `${sourceKind}-${status}`,
    sourceId: sourceKind,
    sourceName: sourceKind,
    sourceKind,
    status,
    rowCounts: {},
    rowsDone: 0,
    error: null,
    attempts: 1,
    note: null,
    startedAt: null,
    finishedAt: null,
    proof: null,
    confirmedByName: null,
    instructions: null,
    tables: [],
  } as FulfilmentResultView;
}

const erasing = (results: FulfilmentResultView[]) => ({ kind: 'erase', status: 'running', results }) as unknown as FulfilmentRunView;

describe('[agent] the erasure results say who must act next', () => {
  it('a processor waits for its vendor, a checklist item for an agent', () => {
    expect(sourceStatusLabel(result('processor', 'awaiting_confirmation'))).toBe('Waiting for the vendor to confirm');
    expect(sourceStatusLabel(result('manual', 'awaiting_confirmation'))).toBe('Waiting for an agent to confirm');
    expect(sourceStatusLabel(result('postgres', 'succeeded'))).toBe('Done');
  });

  it('the run line counts checklist items to confirm and vendors to answer apart', () => {
    const line = describeRun(
      erasing([result('postgres', 'succeeded'), result('manual', 'awaiting_confirmation'), result('processor', 'awaiting_confirmation')]),
    );
    expect(line).toBe('Erasure in progress: 1 of 3 sources done, 0 rows so far; 1 checklist item to confirm; 1 vendor to answer.');
  });
});
