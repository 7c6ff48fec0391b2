import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openBenchDatabase } from './open-bench-database';

process.env.RATE_LIMIT_PER_IP_PER_HOUR = '100000000';
const bench = await openBenchDatabase('zzexplain');
const { submitRequest } = await import('@/lib/requests/submit-request');
const { getDb } = await import('@/lib/database');
for (let i = 0; i < 300; i++) await submitRequest(getDb(), { input: { type: 'access', email: `w-${randomUUID()}@example.test`, fullName: 'B', jurisdiction: 'eu_gdpr', isAuthorised: true }, channel: 'api', ip: '10.0.0.1' });
const notices: string[] = [];
const client = postgres(bench.databaseUrl, { max: 1, onnotice: (n) => notices.push(n.message) });
await client.unsafe(`load 'auto_explain'`);
await client.unsafe(`set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_nested_statements = on; set auto_explain.log_timing = on; set auto_explain.log_triggers = on; set auto_explain.log_level = 'notice'; set client_min_messages = notice`);
const { drizzle } = await import('drizzle-orm/postgres-js');
const schema = await import('@/db/schema');
const db = drizzle(client, { schema, casing: 'snake_case' }) as never;
for (let i = 0; i < 3; i++) { notices.length = 0; await submitRequest(db, { input: { type: 'access', email: `e-${randomUUID()}@example.test`, fullName: 'B', jurisdiction: 'eu_gdpr', isAuthorised: true }, channel: 'api', ip: '10.0.0.2' }); }
for (const n of notices) { const lines = n.split("\n"); const q = lines.find((l) => /Query Text/.test(l)) ?? ""; const t = lines.find((l) => /actual time/.test(l)) ?? ""; console.log(t.replace(/.*actual time=([0-9.]+)\.\.([0-9.]+).*/, "$2").padStart(8), q.slice(12, 100)); }
await client.end();
const { closeSharedDatabase } = await import('../test/support/shared-database');
await closeSharedDatabase(); await bench.close();
