import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import postgres from 'postgres';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { settings } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { resetEnvForTests } from '@/lib/env';
import { NETWORK_SETTINGS_KEY } from '@/lib/settings/get-network-settings';
import { prepareDatabase } from '../../scripts/prepare-database';
import { createDemoShop, createShopSource, type DemoShop, insertShopCustomer, uniqueShopEmail } from '../support/demo-shop';
import { freePort } from '../support/free-port';
import { readZipFile } from '../support/read-zip';
import { createStaffMember } from '../support/staff';
import { type AppProcesses, startAppProcesses } from './support/app-processes';
import { type Child, startChild } from './support/child-process';
import { type CountingSmtpSink, startCountingSmtpSink } from './support/counting-smtp-sink';
import { type FaultCluster, startFaultCluster } from './support/fault-cluster';

/**
 * Two web servers and two workers on one PostgreSQL and one bucket (s3rver), as a deployment on
 * several machines runs them: requests are filed and worked through both web servers, packages are
 * built by whichever worker takes the job and downloaded through the other web server, every email
 * goes out once, claim-next never gives one request to two agents in different processes, and the
 * audit events every process wrote verify as one log.
 */

const APP_SECRET = 'fault-tests-secret-that-is-long-enough-0123456789';
const ACCESS_REQUESTS = 4;
const DELETION_REQUESTS = 16;

let cluster: FaultCluster;
let shop: DemoShop;
let sink: CountingSmtpSink;
let app: AppProcesses;
let sql: postgres.Sql;
let database: { db: Database; close: () => Promise<void> };
let s3: S3rver;
let s3Folder: string;
let apiKey: string;
const children: Child[] = [];

type Filed = { reference: string; email: string; type: 'access' | 'deletion'; filedThrough: number };
const filed: Filed[] = [];

beforeAll(async () => {
  cluster = await startFaultCluster('many');
  await prepareDatabase(cluster.databaseUrl);
  s3Folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-many-s3-'));
  const s3Port = await freePort();
  s3 = new S3rver({
    port: s3Port,
    address: '127.0.0.1',
    silent: true,
    directory: s3Folder,
    configureBuckets: [{ name: 'dsr-many', configs: [] }],
  });
  await s3.run();
  const storageEnv = {
    STORAGE_URL: 's3://dsr-many/deployment-1',
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  // This process writes rows the app processes read (a source's encrypted secret) and releases
  // packages it checks in the bucket: it shares their secret, database and storage.
  sink = await startCountingSmtpSink();
  Object.assign(process.env, {
    DATABASE_URL: cluster.databaseUrl,
    APP_SECRET,
    APP_URL: 'http://127.0.0.1:9',
    SMTP_URL: sink.url,
    MAIL_FROM: 'dsr-desk faults <privacy@faults.invalid>',
    TIME_ZONE: 'UTC',
    ...storageEnv,
  });
  resetEnvForTests();
  database = createDatabase(cluster.databaseUrl, { max: 4 });
  sql = postgres(cluster.databaseUrl, { max: 2, onnotice: () => {} });
  // The shop's database is on this machine.
  await database.db.insert(settings).values({ key: NETWORK_SETTINGS_KEY, value: { allowPrivateTargets: true } });
  shop = await createDemoShop('many');
  await createShopSource(database.db, { databaseUrl: shop.databaseUrl, isEnabled: true });
  const admin = await createStaffMember(database.db, { role: 'admin' });
  ({ secret: apiKey } = await createApiKey(database.db, {
    actor: admin,
    input: { name: 'Many processes', scopes: ['requests:create', 'requests:read', 'requests:work'], expiresInDays: 30 },
  }));
  app = await startAppProcesses({
    databaseUrl: cluster.databaseUrl,
    smtpUrl: sink.url,
    webCount: 2,
    workerCount: 2,
    // As on separate machines: a source staged by one worker can be packaged by the other only through the bucket.
    diskPerProcess: true,
    env: { ...storageEnv, AUDIT_SEAL_INTERVAL_MS: '500' },
  });
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill('SIGTERM')));
  await app?.stopAll();
  await sql?.end({ timeout: 1 });
  await database?.close();
  await shop?.stop();
  await sink?.stop();
  await s3?.close();
  await cluster?.remove();
  if (s3Folder) rmSync(s3Folder, { recursive: true, force: true });
});

async function api(server: number, method: 'GET' | 'POST', apiPath: string, body?: unknown) {
  const response = await fetch(`${app.webServers[server]!.baseUrl}/api/v1${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, text };
}

async function waitUntil(description: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const other = (server: number) => 1 - server;

/** A message's plain-text part, decoded from its transfer encoding. */
const decoded = async (raw: string) => (await simpleParser(raw)).text ?? '';

describe('[system] two web servers and two workers on one database and one bucket behave as one', () => {
  it('requests filed and worked through both web servers; packages built by the workers; downloaded through the other web server', {
    timeout: 400_000,
  }, async () => {
    const filings = [
      ...Array.from({ length: ACCESS_REQUESTS }, () => 'access' as const),
      ...Array.from({ length: DELETION_REQUESTS }, () => 'deletion' as const),
    ];
    await Promise.all(
      filings.map(async (type, index) => {
        const server = index % 2;
        const email = uniqueShopEmail(`many-${type}`);
        if (type === 'access') await insertShopCustomer(shop.sql, { email, fullName: `Shopper ${index}`, orders: 3 });
        const answer = await api(server, 'POST', '/requests', {
          type,
          email,
          fullName: `Shopper ${index}`,
          jurisdiction: 'eu_gdpr',
          identityCheck: 'Signed in to the customer portal with two-factor authentication',
        });
        expect(answer.status, answer.text).toBe(201);
        filed.push({ reference: answer.json.reference, email, type, filedThrough: server });
      }),
    );

    // Deletion requests: read through one server, worked through the other.
    for (const request of filed.filter((entry) => entry.type === 'deletion').slice(0, DELETION_REQUESTS / 2)) {
      const read = await api(other(request.filedThrough), 'GET', `/requests/${request.reference}`);
      expect(read.status, read.text).toBe(200);
      const started = await api(request.filedThrough, 'POST', `/requests/${request.reference}/start`, { version: read.json.version });
      expect(started.status, started.text).toBe(200);
      expect(started.json.status).toBe('in_progress');
    }

    // Access requests: each gathered by itself on acceptance; the package is built by whichever worker takes the job.
    const accessReferences = filed.filter((entry) => entry.type === 'access').map((entry) => entry.reference);
    const builtRuns = () =>
      sql<{ reference: string; runId: string; status: string; sha256: string | null; version: number }[]>`
        select r.reference, f.id as "runId", f.status, f.package_sha256 as sha256, r.version
        from fulfilment_runs f join requests r on r.id = f.request_id
        where r.reference = any(${accessReferences}) and f.kind = 'gather'`;
    await waitUntil(
      'every package to be built',
      async () => (await builtRuns()).filter((run) => run.status === 'succeeded').length === ACCESS_REQUESTS,
      240_000,
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}: ${JSON.stringify(await builtRuns())}\n${app.workers.map((worker) => worker.output().slice(-2000)).join('\n---\n')}`,
      );
    });
    const buildsPerWorker = app.workers.map((worker) => (worker.output().match(/build-package/g) ?? []).length);
    console.log(`[many] build-package jobs seen in each worker's log: ${buildsPerWorker.join(', ')}`);

    // Released through the API on the web server that filed the request, with the staff page's use case.
    for (const run of await builtRuns()) {
      const request = filed.find((entry) => entry.reference === run.reference)!;
      const released = await api(request.filedThrough, 'POST', `/requests/${run.reference}/release-package`, {
        version: run.version,
        runId: run.runId,
        message: 'Here is the data we hold about you.',
      });
      expect(released.status, released.text).toBe(200);
      expect(released.json.status).toBe('fulfilled');
    }
    await waitUntil(
      'every email to be sent',
      async () => {
        const [row] = await sql<{ count: number }[]>`select count(*)::int as count from outbound_emails where status <> 'sent'`;
        return row!.count === 0;
      },
      120_000,
    );

    // The requester follows the link in their last email, on the web server that did not file the request.
    const downloadDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-many-download-'));
    try {
      for (const run of await builtRuns()) {
        const request = filed.find((entry) => entry.reference === run.reference)!;
        const server = app.webServers[other(request.filedThrough)]!.baseUrl;
        const message = sink.messages.filter((entry) => entry.raw.includes(request.email)).at(-1);
        const token = /\/status\/([A-Za-z0-9_-]{16,})/.exec(await decoded(message?.raw ?? ''))?.[1];
        expect(token, `a status link in the last email to ${request.email}`).toBeTruthy();
        const page = await fetch(`${server}/status/${token}`);
        expect(page.status).toBe(200);
        const fileLink = new RegExp(`/status/${token}/files/[0-9a-f-]{36}`).exec(await page.text())?.[0];
        expect(fileLink, 'a download link on the status page').toBeTruthy();
        const download = await fetch(`${server}${fileLink}`);
        expect(download.status).toBe(200);
        const bytes = Buffer.from(await download.arrayBuffer());
        const zipPath = path.join(downloadDir, `${run.reference}.zip`);
        writeFileSync(zipPath, bytes);
        const files = await readZipFile(zipPath);
        const everything = [...files.values()].map((file) => file.toString('utf8')).join('\n');
        expect(everything).toContain(request.email);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(run.sha256);
      }
    } finally {
      rmSync(downloadDir, { recursive: true, force: true });
    }
  });

  it('claim-next from agents in two processes never hands one request to two of them', { timeout: 200_000 }, async () => {
    const [before] = await sql<{ count: number }[]>`
      select count(*)::int as count from requests where assignee_id is null and status in ('new', 'in_progress')`;
    expect(before!.count).toBeGreaterThan(4);
    const agents = await Promise.all(
      Array.from({ length: 6 }, (_, index) => createStaffMember(database.db, { role: 'agent', name: `Claimer ${index}` })),
    );
    const gate = path.join(mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-many-gate-')), 'go');
    const claimers = [agents.slice(0, 3), agents.slice(3)].map((group) =>
      startChild('test/faults/support/claim-next-load.ts', {
        DATABASE_URL: cluster.databaseUrl,
        APP_SECRET,
        AGENTS: JSON.stringify(group),
        GATE_FILE: gate,
      }),
    );
    children.push(...claimers);
    await Promise.all(claimers.map((claimer) => claimer.waitForOutput('[claimers] ready')));
    writeFileSync(gate, 'go');
    await Promise.all(claimers.map((claimer) => claimer.waitForOutput('CLAIMS ')));
    const claimsPerProcess = claimers.map(
      (claimer) => JSON.parse(/CLAIMS (.*)/.exec(claimer.output())![1]!) as { reference: string; staffId: string }[],
    );
    const claims = claimsPerProcess.flat();
    console.log(`[many] claims per process: ${claimsPerProcess.map((list) => list.length).join(', ')}`);
    expect(new Set(claims.map((claim) => claim.reference)).size).toBe(claims.length);
    expect(claims.length).toBe(before!.count);
    expect(claimsPerProcess.every((list) => list.length > 0)).toBe(true);
    const assigned = await sql<{ reference: string; assigneeId: string; claimedEvents: number }[]>`
      select r.reference, r.assignee_id as "assigneeId",
        (select count(*)::int from request_events e where e.request_id = r.id and e.action = 'claimed') as "claimedEvents"
      from requests r where r.reference = any(${claims.map((claim) => claim.reference)})`;
    for (const claim of claims) {
      const row = assigned.find((entry) => entry.reference === claim.reference)!;
      expect(row).toMatchObject({ assigneeId: claim.staffId, claimedEvents: 1 });
    }
  });

  it('every email went out once', async () => {
    const [sent] = await sql<{ count: number }[]>`select count(*)::int as count from outbound_emails where status = 'sent'`;
    expect(sent!.count).toBeGreaterThanOrEqual(ACCESS_REQUESTS + DELETION_REQUESTS);
    expect(sink.messageIds.length).toBe(sink.distinctCount());
    expect(sink.distinctCount()).toBe(sent!.count);
  });

  it('the audit events written by every process verify as one log', { timeout: 120_000 }, async () => {
    const actions = await sql<{ action: string }[]>`select distinct action from request_events`;
    // Written by the web servers (API calls), the workers (sources, packages, emails) and the claiming processes.
    expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(['api_key_used', 'source_succeeded', 'claimed']));
    const verifier = startChild('scripts/audit-verify.ts', { DATABASE_URL: cluster.databaseUrl, APP_SECRET });
    children.push(verifier);
    await waitUntil('audit:verify to finish', async () => !verifier.isAlive(), 100_000);
    expect(verifier.exitCode(), verifier.output()).toBe(0);
    expect(verifier.output()).toContain('the audit log is intact');
    expect(verifier.output()).toMatch(/not sealed yet: 0\b/);
  });
});
