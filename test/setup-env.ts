import { afterAll, inject } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { cloneTestDatabase } from './support/database-clones';

// Every test file talks to a database of its own, cloned from the run's migrated
// and seeded template before the file's first env() read (so useTestDatabase()
// and getDb() find it) and dropped after the file's own afterAll hooks.
// SMTP points at a port where nothing listens until a test starts its own SMTP
// server and sets SMTP_URL.
const database = await cloneTestDatabase(inject('templateDatabaseUrl'));
afterAll(() => database.drop());

process.env.DATABASE_URL = database.databaseUrl;
process.env.APP_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';
process.env.APP_URL = 'http://localhost:3999';
process.env.SMTP_URL = 'smtp://127.0.0.1:9';
process.env.MAIL_FROM = 'dsr-desk tests <privacy@test.invalid>';
process.env.TIME_ZONE = 'UTC';
resetEnvForTests();
