import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Logger, runOnce } from 'graphile-worker';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { sealAuditLogFully } from '@/lib/audit/seal-audit-log';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { databaseError } from '@/test/support/database-error';
import { provisionPostgres, type ProvisionedDatabase } from '@/test/support/provision-postgres';
import { prepareDatabase } from '../prepare-database';
import { ensureAppRole } from './ensure-app-role';

// Roles belong to the whole server, which other runs share: a uniquely named one, dropped afterwards.
const role = `dsr_desk_app_test_${randomBytes(4).toString('hex')}`;
let provisioned: ProvisionedDatabase;
let appUrl: string;
let app: Database;
let closeApp: () => Promise<void>;

beforeAll(async () => {
  provisioned = await provisionPostgres('roles');
  await prepareDatabase(provisioned.databaseUrl);
  appUrl = await ensureAppRole(provisioned.databaseUrl, { role, password: randomBytes(16).toString('hex') });
  ({ db: app, close: closeApp } = createDatabase(appUrl, { max: 2 }));
});

afterAll(async () => {
  await closeApp?.();
  await provisioned?.stop();
  const server = new URL(provisioned.databaseUrl);
  server.pathname = '/postgres';
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop role if exists ${role}`);
  await admin.end();
});

describe('the app’s own database role (db/roles.sql)', () => {
  it('writes and verifies audit events, and works the other tables', async () => {
    await recordEvent(app, { requestId: null, actor: { type: 'system' }, action: 'probe', details: { as: 'app role' } });
    // The worker seals as the app role too.
    expect((await sealAuditLogFully(app)).treeHead).toMatchObject({ treeSize: 1 });
    expect(await verifyAuditChain(app, { actor: 'system' })).toMatchObject({ isIntact: true, checkedCount: 1, sealedCount: 1 });
    const [current] = await app.execute<{ user: string }>(sql`select current_user as "user"`);
    expect(current!.user).toBe(role);
    await app.execute(sql`update settings set updated_at = updated_at`);
  });

  it('may not update, delete or truncate audit events: refused by privilege before any trigger', async () => {
    expect(await databaseError(app.execute(sql`update request_events set action = 'changed'`))).toMatch(/permission denied/);
    expect(await databaseError(app.execute(sql`delete from request_events`))).toMatch(/permission denied/);
    expect(await databaseError(app.execute(sql`truncate request_events`))).toMatch(/permission denied/);
    for (const table of ['audit_log_leaves', 'audit_tree_heads']) {
      expect(await databaseError(app.execute(sql`delete from ${sql.raw(table)}`))).toMatch(/permission denied/);
      expect(
        await databaseError(
          app.execute(sql`update ${sql.raw(table)} set ${sql.raw(table === 'audit_log_leaves' ? 'leaf_hash' : 'root_hash')} = 'x'`),
        ),
      ).toMatch(/permission denied/);
    }
  });

  it('adds jobs and runs them through graphile-worker', async () => {
    await app.execute(sql`select graphile_worker.add_job('role_probe', '{}'::json)`);
    let runs = 0;
    const countRun = async () => {
      runs += 1;
    };
    await runOnce({ connectionString: appUrl, taskList: { role_probe: countRun }, logger: new Logger(() => () => {}) });
    expect(runs).toBe(1);
  });
});
