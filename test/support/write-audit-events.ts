/**
 * A separate OS process that appends audit events through recordEvent, for the
 * concurrent-writers test: `tsx test/support/write-audit-events.ts <databaseUrl> <label> <transactions> [requestId ...]`.
 * Runs its transactions ten at a time on its own pool; each writes two events, on the
 * given requests in turn (or on no request when none is given).
 */
import { createDatabase } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';

const [databaseUrl, label, transactionCount, ...requestIds] = process.argv.slice(2);
const { db, close } = createDatabase(databaseUrl!, { max: 10 });
let next = 0;
async function writeTransactions(): Promise<void> {
  while (next < Number(transactionCount)) {
    const index = next++;
    const requestId = requestIds.length > 0 ? requestIds[index % requestIds.length]! : null;
    await db.transaction(async (tx) => {
      await recordEvent(tx, { requestId, actor: { type: 'system' }, action: 'concurrency_probe', details: { label, index, part: 1 } });
      await recordEvent(tx, { requestId, actor: { type: 'system' }, action: 'concurrency_probe', details: { label, index, part: 2 } });
    });
  }
}
await Promise.all(Array.from({ length: 10 }, writeTransactions));
await close();
