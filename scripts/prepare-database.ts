import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seed } from '@/db/seed/seed';
import { seedDemoAdmin } from '@/db/seed/seed-demo-admin';
import { installJobQueue } from '@/lib/jobs/install-job-queue';

/** Migrations, the job queue's schema and the seed: what `npm start`, `npm run db:migrate` and the tests share. */
export async function prepareDatabase(databaseUrl: string, { withDemoData = false }: { withDemoData?: boolean } = {}): Promise<void> {
  await migrateDatabase(databaseUrl);
  await installJobQueue(databaseUrl);
  const { db, close } = createDatabase(databaseUrl, { max: 1 });
  try {
    await seed(db);
    if (withDemoData) await seedDemoAdmin(db);
  } finally {
    await close();
  }
}
