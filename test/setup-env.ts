import { inject } from 'vitest';
import { resetEnvForTests } from '@/lib/env';

// Every test file talks to the run's fresh database. SMTP points at a port where
// nothing listens until a test starts its own SMTP server and sets SMTP_URL.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.APP_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';
process.env.APP_URL = 'http://localhost:3999';
process.env.SMTP_URL = 'smtp://127.0.0.1:9';
process.env.MAIL_FROM = 'dsr-desk tests <privacy@test.invalid>';
process.env.TIME_ZONE = 'UTC';
resetEnvForTests();
