import { describe, expect, it } from 'vitest';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { deleteQueueView } from './delete-queue-view';
import { listQueueViews } from './list-queue-views';
import { saveQueueView } from './save-queue-view';

const db = useTestDatabase();

describe('[agent] saves queue views for themselves', () => {
  it('keeps the filters and sort under a name, drops a cursor and unknown parameters, and replaces a view saved again', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });

    await saveQueueView(db, { actor: agent, name: 'My overdue', query: 'assignee=me&overdue=1&sort=-received&after=abc&evil=1' });
    expect(await listQueueViews(db, { actor: agent })).toEqual([
      { id: expect.any(String), name: 'My overdue', href: '/staff?assignee=me&overdue=1&sort=-received' },
    ]);

    await saveQueueView(db, { actor: agent, name: 'My overdue', query: 'assignee=me&overdue=1' });
    expect((await listQueueViews(db, { actor: agent })).map((view) => view.href)).toEqual(['/staff?assignee=me&overdue=1']);
  });

  it('[another agent] neither sees nor deletes someone else’s view; [auditor] keeps views of their own', async () => {
    const owner = await createStaffMember(db, { role: 'agent' });
    const colleague = await createStaffMember(db, { role: 'agent' });
    const auditor = await createStaffMember(db, { role: 'auditor' });
    const view = await saveQueueView(db, { actor: owner, name: 'Deletions', query: 'type=deletion' });

    expect(await listQueueViews(db, { actor: colleague })).toEqual([]);
    expect((await refusal(deleteQueueView(db, { actor: colleague, id: view.id }))).code).toBe('NOT_FOUND');
    expect(await listQueueViews(db, { actor: owner })).toHaveLength(1);

    await saveQueueView(db, { actor: auditor, name: 'Closed', query: 'status=fulfilled' });
    expect((await listQueueViews(db, { actor: auditor })).map((saved) => saved.name)).toEqual(['Closed']);

    await deleteQueueView(db, { actor: owner, id: view.id });
    expect(await listQueueViews(db, { actor: owner })).toEqual([]);
  });
});
