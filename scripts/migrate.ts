/** `npm run db:migrate`: migrations, the job queue schema and the seed, for deployments. */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
const { env } = await import('@/lib/env');
const { prepareDatabase } = await import('./prepare-database');

await prepareDatabase(env().DATABASE_URL);
console.log('database is up to date');
process.exit(0);
