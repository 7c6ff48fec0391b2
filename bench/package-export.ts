/**
 * Exporting a subject with 200,000 orders: how long gathering and packaging
 * take, how big the ZIP is, and that memory stays bounded: the measured process
 * runs with a small V8 heap cap, and its peak RSS is compared across subjects of
 * 10, 50,000, 200,000 and 800,000 orders. The measured process has the worker's own flags
 * (scripts/worker-node-flags.ts), as the worker that packages in production does. Prints figures; asserts nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:package
 *
 * Creates two fresh databases on that server (the app's and a demo shop, seeded
 * as shipped in db/seed/demo-shop; both dropped at the end). Each case runs in its
 * own process, so its peak RSS is its own: the PostgreSQL source's gather step
 * (cursor → staging files), then buildPackage (staging files → ZIP). BENCH_ORDERS changes the big subject's order count.
 *
 * Then the same for a MySQL/MariaDB source: a shop of customers and orders in a fresh
 * database on MARIADB_URL (default mysql://root@127.0.0.1:3306, dropped at the end),
 * with the same neighbours and a subject of 10 and one of BENCH_ORDERS orders, read
 * through mysql2's row stream. BENCH_DATABASES=postgres or =mariadb runs one of the two.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { desc, eq, inArray } from 'drizzle-orm';
import type { ResultSetHeader } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import { createDatabase, type Database } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { buildPackage } from '@/lib/fulfilment/build-package';
import { runSource } from '@/lib/fulfilment/run-source';
import { prepareDatabase } from '../scripts/prepare-database';
import { WORKER_NODE_FLAGS } from '../scripts/worker-node-flags';
import { settings } from '@/db/schema';
import { NETWORK_SETTINGS_KEY } from '@/lib/settings/get-network-settings';
import { provisionPostgres } from '../test/support/provision-postgres';
import { createCrmSource } from '../test/support/demo-crm';
import { createDemoShop, createShopSource, insertShopCustomer, insertShopNeighbours } from '../test/support/demo-shop';
import { provisionMariadb } from '../test/support/mariadb';
import { createVerifiedRequest } from '../test/support/verified-request';

const BIG_ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const NEIGHBOURS = 10_000;
const NEIGHBOUR_ORDERS = 20;
const SAMPLE_MS = 20;
/** The measured processes' V8 old-generation cap. */
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_CAP_MB ?? 64);
/** Which databases' cases run: both unless BENCH_DATABASES names one. */
const databases = (process.env.BENCH_DATABASES ?? 'postgres,mariadb').split(',');

type CaseFigures = {
  rows: number;
  gatherMs: number;
  buildMs: number;
  packageBytes: number;
  maxRssMb: number;
  peakHeapMb: number;
  baselineRssMb: number;
  gatherRssMb: number;
};

/** The measured part, in a child process: gather one run's database source, then build its package. */
async function measure(runId: string): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, SAMPLE_MS);
  const { db, close } = createDatabase(process.env.DATABASE_URL!, { max: 2 });
  try {
    const [result] = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
    const gatherStart = performance.now();
    const outcome = await runSource(db, { sourceResultId: result!.id });
    const gatherMs = performance.now() - gatherStart;
    const gatherRssMb = process.resourceUsage().maxRSS / 1024;
    if (outcome?.status !== 'succeeded') throw new Error(`gather failed: ${JSON.stringify(outcome)}`);
    const buildStart = performance.now();
    await buildPackage(db, { runId });
    const buildMs = performance.now() - buildStart;
    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    if (run?.status !== 'succeeded') throw new Error(`build failed: ${run?.error}`);
    clearInterval(sampler);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const figures: CaseFigures = {
      rows: outcome.rowsDone ?? 0,
      gatherMs,
      buildMs,
      packageBytes: run.packageSizeBytes ?? 0,
      // maxRSS is in kilobytes on Linux.
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1024 / 1024,
      baselineRssMb,
      gatherRssMb,
    };
    console.log(JSON.stringify(figures));
  } finally {
    clearInterval(sampler);
    await close();
  }
}

function runCase(runId: string, environment: NodeJS.ProcessEnv): Promise<CaseFigures> {
  const tsx = path.join(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin/tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [fileURLToPath(import.meta.url), '--measure', runId], {
      env: environment,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!)) : reject(new Error(`case exited with ${code}`)),
    );
  });
}

/** Files and confirms an access request for `subject` (which starts its gather run), then measures the run in a child process: one table row. */
async function measureSubject(db: Database, subject: { label: string; email: string }): Promise<string> {
  const { request } = await createVerifiedRequest(db, { type: 'access', input: { email: subject.email, fullName: 'Bench Subject' } });
  const [run] = await db
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, request.id))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  // A capped old generation proves the point harder than a peak figure: a run that held its rows would die here.
  const figures = await runCase(run!.id, {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...WORKER_NODE_FLAGS, `--max-old-space-size=${HEAP_CAP_MB}`].join(' ').trim(),
  });
  return `| ${subject.label} | ${figures.rows.toLocaleString('en')} | ${(figures.gatherMs / 1000).toFixed(2)} | ${(figures.buildMs / 1000).toFixed(2)} | ${(figures.packageBytes / 1024 / 1024).toFixed(2)} | ${figures.baselineRssMb.toFixed(0)} | ${figures.gatherRssMb.toFixed(0)} | ${figures.maxRssMb.toFixed(0)} | ${figures.peakHeapMb.toFixed(0)} |`;
}

/** The MariaDB shop: customers and their orders, as the PostgreSQL demo shop has them. */
const mariadbShopMap = {
  tables: [
    {
      table: 'customers',
      match: { column: 'email', equals: 'email' as const },
      export: ['id', 'email', 'full_name'],
      erase: { action: 'delete' as const },
    },
    {
      table: 'orders',
      match: { column: 'customer_id', references: { table: 'customers', column: 'id' } },
      export: ['id', 'placed_at', 'total_pence', 'status', 'shipping_name', 'shipping_address'],
      erase: { action: 'delete' as const },
    },
  ],
};

async function seedMariadbShop(connection: Connection, subjects: { email: string; orders: number }[]): Promise<void> {
  await connection.query(
    'create table customers (id bigint not null auto_increment primary key, email varchar(254) not null unique, full_name varchar(200) not null) engine = InnoDB',
  );
  await connection.query(`create table orders (id bigint not null auto_increment primary key, customer_id bigint not null, placed_at datetime not null, total_pence int not null,
    status varchar(20) not null, shipping_name varchar(200), shipping_address varchar(300), key orders_customer (customer_id), foreign key (customer_id) references customers (id)) engine = InnoDB`);
  await connection.query(
    `insert into customers (email, full_name) select concat('neighbour-', seq, '@example.test'), concat('Neighbour ', seq) from seq_1_to_${NEIGHBOURS}`,
  );
  await connection.query(`insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
    select c.id, '2024-01-01 12:00:00', 1000 + o.seq, 'delivered', c.full_name, '1 Bench Street, Testington' from customers c join seq_1_to_${NEIGHBOUR_ORDERS} o`);
  for (const subject of subjects) {
    const [inserted] = await connection.query<ResultSetHeader>('insert into customers (email, full_name) values (?, ?)', [
      subject.email,
      'Bench Subject',
    ]);
    await connection.query(
      `insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
      select ?, '2024-01-01 12:00:00', 1000 + seq, 'delivered', 'Bench Subject', '1 Bench Street, Testington' from seq_1_to_${subject.orders}`,
      [inserted.insertId],
    );
  }
  await connection.query('analyze table customers, orders');
}

/** The MariaDB cases: the PostgreSQL shop's source switched off, a MySQL source over the MariaDB shop switched on. */
async function measureMariadb(db: Database): Promise<string[]> {
  const mariadb = await provisionMariadb('bench_shop');
  try {
    const cases = [
      { label: 'MariaDB: small subject (10 orders)', email: 'mariadb.small@example.test', orders: 10 },
      { label: `MariaDB: big subject (${BIG_ORDERS.toLocaleString('en')} orders)`, email: 'mariadb.big@example.test', orders: BIG_ORDERS },
    ];
    const seedStart = performance.now();
    await seedMariadbShop(mariadb.connection, cases);
    console.log(`MariaDB shop seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const enabled = await db
      .update(dataSources)
      .set({ isEnabled: false })
      .where(eq(dataSources.isEnabled, true))
      .returning({ id: dataSources.id });
    const source = await createCrmSource(db, {
      databaseUrl: mariadb.databaseUrl,
      map: mariadbShopMap,
      isEnabled: true,
      name: 'Shop (MariaDB)',
    });
    const rows: string[] = [];
    for (const subject of cases) rows.push(await measureSubject(db, subject));
    await db.update(dataSources).set({ isEnabled: false }).where(eq(dataSources.id, source.id));
    if (enabled.length > 0)
      await db
        .update(dataSources)
        .set({ isEnabled: true })
        .where(
          inArray(
            dataSources.id,
            enabled.map((row) => row.id),
          ),
        );
    return rows;
  } finally {
    await mariadb.stop();
  }
}

/** The PostgreSQL cases: neighbours and four subjects in the demo shop, each measured in its own process. */
async function measurePostgres(db: Database, shop: Awaited<ReturnType<typeof createDemoShop>>): Promise<string[]> {
  const seedStart = performance.now();
  await insertShopNeighbours(shop.sql, { count: NEIGHBOURS, ordersEach: NEIGHBOUR_ORDERS });
  const cases = [
    { label: 'small subject (10 orders)', email: 'small.subject@example.test', orders: 10 },
    {
      label: `medium subject (${(BIG_ORDERS / 4).toLocaleString('en')} orders)`,
      email: 'medium.subject@example.test',
      orders: BIG_ORDERS / 4,
    },
    { label: `big subject (${BIG_ORDERS.toLocaleString('en')} orders)`, email: 'big.subject@example.test', orders: BIG_ORDERS },
    // Four times as many rows again: if memory grew with the rows, it would show here.
    { label: `huge subject (${(BIG_ORDERS * 4).toLocaleString('en')} orders)`, email: 'huge.subject@example.test', orders: BIG_ORDERS * 4 },
  ];
  // Two addresses, a subscription and a ticket besides the orders: rows = orders + 5, as in bench/README.md.
  for (const subject of cases)
    await insertShopCustomer(shop.sql, { email: subject.email, fullName: subject.label, addresses: 2, orders: subject.orders });
  await shop.sql`vacuum analyze`;
  const [{ total }] = await shop.sql<{ total: string }[]>`select count(*)::text as total from orders`;
  console.log(
    `Shop seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${Number(total).toLocaleString('en')} orders, ${NEIGHBOURS.toLocaleString('en')} neighbours`,
  );

  const rows: string[] = [];
  for (const subject of cases) rows.push(await measureSubject(db, subject));
  return rows;
}

async function main(): Promise<void> {
  process.env.APP_SECRET ??= 'bench-secret-that-is-long-enough-for-hmac-0123456789';
  process.env.SMTP_URL ??= 'smtp://127.0.0.1:9';
  process.env.TIME_ZONE ??= 'UTC';
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-bench-package-'));
  process.env.STORAGE_DIR = storageDir;
  const database = await provisionPostgres('bench_package');
  process.env.DATABASE_URL = database.databaseUrl;
  resetEnvForTests();
  const shop = await createDemoShop('bench_shop');
  const { db, close } = createDatabase(database.databaseUrl, { max: 2 });
  try {
    await prepareDatabase(database.databaseUrl);
    // The shop's database is on this machine: an admin would allow private targets for it.
    await db.insert(settings).values({ key: NETWORK_SETTINGS_KEY, value: { allowPrivateTargets: true } });
    await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true, name: 'Shop database' });

    const rows: string[] = [];
    if (databases.includes('postgres')) rows.push(...(await measurePostgres(db, shop)));
    if (databases.includes('mariadb')) rows.push(...(await measureMariadb(db)));
    console.log(`\nEach case in its own process, V8 old generation capped at ${HEAP_CAP_MB} MB (BENCH_HEAP_CAP_MB).`);
    console.log(
      '\n| case | rows | gather s | build s | ZIP MB | RSS at start MB | peak RSS after gather MB | peak RSS after build MB | peak heapUsed MB |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await close();
    await shop.stop();
    await database.stop();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

const measureIndex = process.argv.indexOf('--measure');
if (measureIndex >= 0) await measure(process.argv[measureIndex + 1]!);
else await main();
