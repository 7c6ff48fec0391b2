import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import { insertShopCustomer, useDemoShop, useTestSources } from '@/test/support/demo-shop';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { confirmManualSource } from './confirm-manual-source';
import { findErasureReplay, replayErasure } from './replay-erasure';
import { startDryRun } from './start-dry-run';
import { startErasure } from './start-erasure';

const db = useTestDatabase();
const shop = useDemoShop();
const sources = useTestSources(db);
const staff = useStaffTeam(db);

const DAY_MS = 24 * 60 * 60 * 1000;
/** Parents before children: the order a restore inserts in (and the reverse, the order its rows are cleared in). */
const shopTables = ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets'] as const;

async function createBackups(): Promise<DataSourceRow> {
  const [source] = await db
    .insert(dataSources)
    .values({
      slug: `test-backups-${randomBytes(4).toString('hex')}`,
      name: 'Backups',
      kind: 'manual',
      isEnabled: false,
      usedForAccess: false,
      config: { kind: 'manual', instructions: 'Nightly backups, kept 35 days.', backupRetentionDays: 35 },
    })
    .returning();
  return sources.track(source!);
}

/** The customer's rows as a backup holds them, and putting them back as a restore does (same ids). */
async function backupOf(sql: Sql, { customerId, email }: { customerId: number; email: string }) {
  const rows: Record<string, string[]> = {};
  for (const table of shopTables) {
    const [where, value] =
      table === 'customers'
        ? ['id = $1::bigint', String(customerId)]
        : table === 'newsletter_subscriptions'
          ? ['lower(email) = lower($1::text)', email]
          : ['customer_id = $1::bigint', String(customerId)];
    const found = await sql.unsafe<{ row: string }[]>(`select to_jsonb(t)::text as row from ${table} t where ${where}`, [value]);
    rows[table] = found.map((entry) => entry.row);
  }
  return async function restore() {
    for (const table of [...shopTables].reverse())
      for (const row of rows[table]!) await sql.unsafe(`delete from ${table} where id = ($1::text::jsonb ->> 'id')::bigint`, [row]);
    for (const table of shopTables)
      for (const row of rows[table]!)
        await sql.unsafe(`insert into ${table} select * from jsonb_populate_record(null::${table}, $1::text::jsonb)`, [row]);
  };
}

describe('[agent] a backup’s retention bounds the erasure, and a restore is replayed', () => {
  it('the confirmation says when the last backup expires; after a restore the erasure is replayed in one click, audited and proven', async () => {
    const shopSource = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop (backups)' });
    const backups = await createBackups();
    await sources.enableOnly([shopSource, backups]);
    const { request, reference, input } = await createVerifiedRequest(db, { type: 'deletion', input: { fullName: 'Ada Lovelace' } });
    const customer = await insertShopCustomer(shop.sql, { email: input.email, fullName: 'Ada Lovelace', addresses: 1, orders: 2 });
    const restore = await backupOf(shop.sql, customer);

    const dryRun = await startDryRun(db, { actor: staff.agent, reference, version: request.version });
    await runPendingSources(db, dryRun.runId);
    const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(db, erase.runId);
    const backupsResult = (await resultsOf(db, erase.runId)).find((result) => result.sourceKind === 'manual')!;
    const erasedAt = new Date();
    await confirmManualSource(db, {
      actor: staff.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
      resultId: backupsResult.id,
      note: 'Added to the replay list',
      isConfirmed: true,
      now: erasedAt,
    });
    const closed = await getRequest(db, { id: request.id });
    expect(closed.status).toBe('fulfilled');

    const confirmation = (await listOutboundEmails(db, { requestId: request.id })).find((email) => email.template === 'erasure-confirmed')!;
    const expectedExpiry = new Date(closed.closedAt!.getTime() + 35 * DAY_MS).toISOString().slice(0, 10);
    expect(payloadProps(confirmation).backupsExpireOn).toBe(expectedExpiry);
    expect(closed.responseMessage).toContain(`Copies may remain in our backups until ${formatCalendarDateIn('en', expectedExpiry)}`);

    const replay = await findErasureReplay(db, { requestId: request.id });
    expect(replay).toMatchObject({ runId: erase.runId, sources: ['Shop (backups)'], replays: [] });

    // A backup from before the erasure is restored: Ada is back, exactly as she was.
    await restore();
    const [back] = await shop.sql`select email from customers where id = ${customer.customerId}`;
    expect(back!.email).toBe(input.email);

    const replayed = await replayErasure(db, { actor: staff.agent, reference, version: closed.version });
    const replayResults = await resultsOf(db, replayed.runId);
    expect(replayResults.map((result) => result.sourceName)).toEqual(['Shop (backups)']);
    await runPendingSources(db, replayed.runId);
    expect((await resultsOf(db, replayed.runId))[0]).toMatchObject({ status: 'succeeded', proof: { isProven: true } });
    const [erasedAgain] = await shop.sql`select email from customers where id = ${customer.customerId}`;
    expect(erasedAgain!.email).toMatch(/^erased-/);
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
    const event = (await listEvents(db, { requestId: request.id })).find((entry) => entry.action === 'erasure_replayed');
    expect(event!.details).toMatchObject({ runId: replayed.runId, replayOf: erase.runId, sources: ['Shop (backups)'] });
    expect((await findErasureReplay(db, { requestId: request.id }))!.replays).toEqual([
      expect.objectContaining({ runId: replayed.runId, status: 'succeeded' }),
    ]);
    // Only one confirmation: the replay does not tell the requester again.
    expect(
      (await listOutboundEmails(db, { requestId: request.id })).filter((email) => email.template === 'erasure-confirmed'),
    ).toHaveLength(1);

    // Once the last backup has expired there is nothing to replay.
    const expired = new Date(closed.closedAt!.getTime() + 36 * DAY_MS);
    expect(await findErasureReplay(db, { requestId: request.id, now: expired })).toBeNull();
    await expect(
      replayErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version, now: expired }),
    ).rejects.toSatisfy((error) => isAppError(error, 'INVALID_TRANSITION'));
  });
});
