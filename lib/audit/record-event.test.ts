import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import { eventually } from '@/test/support/eventually';
import { listEvents } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { recordEvent } from './record-event';

const db = useTestDatabase();

describe('[system] records an event on a request a staff action is changing', () => {
  it('waits for that action to commit instead of deadlocking with it over the audit chain', async () => {
    const { request } = await createVerifiedRequest(db, { type: 'access' });
    let other: Promise<void> | undefined;

    // As changeRequest does: the request's row lock first, its own event later in the same transaction.
    // Meanwhile a second writer (a package preview, a download) records an event on the same request.
    // Were its chain lock taken before the request's row, each would wait for the other.
    await db.transaction(async (tx) => {
      await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, request.id)).for('update');
      other = db.transaction((second) =>
        recordEvent(second, { requestId: request.id, actor: { type: 'system' }, action: 'data_package_previewed' }),
      );
      await eventually('the second writer to wait for the request', async () => {
        const [waiting] = await db.execute<{ count: number }>(
          sql`select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and (query ilike '%for key share%' or query ilike '%insert into "request_events"%')`,
        );
        return waiting!.count > 0;
      });
      await recordEvent(tx, { requestId: request.id, actor: { type: 'system' }, action: 'note_added' });
    });
    await other;

    const actions = (await listEvents(db, { requestId: request.id })).map((event) => event.action);
    expect(actions.slice(-2)).toEqual(['note_added', 'data_package_previewed']);
  });
});
