import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'emails/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The fault-injection suite runs on its own (vitest.faults.config.ts, `npm run test:faults`).
    exclude: ['test/faults/**', 'node_modules/**'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-env.ts'],
    // Each test file has a database of its own (a copy of the run's migrated template,
    // test/setup-env.ts), so files run side by side. Two workers suit a 2-core machine:
    // the tests mostly wait on PostgreSQL, SMTP and HTTP, which run on the same cores.
    fileParallelism: true,
    maxWorkers: 2,
    // Worker threads rather than child processes: loading and transforming the modules was about half
    // of a file's time under forks; with threads the whole run took 5 min instead of 6–8 here. Each
    // thread has its own process.env copy, so every file's DATABASE_URL stays its own. Not `isolate:
    // false`: db/client.ts keeps one client per process and would hand a file the previous file's database.
    pool: 'threads',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
