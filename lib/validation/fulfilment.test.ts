import { describe, expect, it } from 'vitest';
import { ZConfirmManualSource, ZReleasePackage, ZStartErasure } from './fulfilment';

const page = { reference: 'DSR-2026-000123', version: '4' };

describe('the request page’s fulfilment forms', () => {
  it('erasure needs the confirmation box ticked', () => {
    const parsed = ZStartErasure.safeParse(page);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['isConfirmed'], message: 'Tick the box to confirm the erasure' }),
    ]);
    expect(ZStartErasure.parse({ ...page, isConfirmed: 'yes' })).toEqual({ reference: 'DSR-2026-000123', version: 4, isConfirmed: 'yes' });
  });

  it('a manual checklist item is confirmed only with a note', () => {
    const parsed = ZConfirmManualSource.safeParse({ ...page, resultId: crypto.randomUUID(), note: '   ' });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['note'], message: 'Enter a note saying what you checked or did' }),
    ]);
  });

  it('a release names its run and carries a message for the requester', () => {
    const parsed = ZReleasePackage.safeParse({ ...page, runId: 'not-a-run', message: '' });
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['message', 'runId']);
  });
});
