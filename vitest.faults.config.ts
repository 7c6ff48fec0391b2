import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: fault injection against real processes (web and worker as
 * separate processes, each test's own embedded PostgreSQL that it restarts and stops,
 * a counting SMTP sink). Files run one after another: each starts its own cluster and
 * processes, and the machine is small.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['./test/faults/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
