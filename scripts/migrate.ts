/** `npm run db:migrate`: migrations, the job queue schema and the seed, for deployments. */
import { env } from '@/lib/env';
import { prepareDatabase } from './prepare-database';

await prepareDatabase(env().DATABASE_URL);
console.log('database is up to date');
process.exit(0);
