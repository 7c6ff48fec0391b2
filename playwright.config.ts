import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { e2eBaseUrl } from './e2e/fixtures/e2e-ports';

/**
 * Playwright's own Chromium where one is installed (a developer machine after
 * `npx playwright install chromium`), otherwise the distribution's. CHROMIUM_PATH wins.
 */
function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  // executablePath() names where Playwright would keep its browser, installed or not.
  const bundled = chromium.executablePath();
  return existsSync(bundled) ? bundled : '/usr/bin/chromium';
}

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumExecutable(),
    // Keep Chromium from reaching for the network on its own (updates, sync, field trials).
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: e2eBaseUrl,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: browser, testIgnore: /e2e\/webhook\// },
    // Switches on a data source that every access request would use while it runs, so it runs alone, after the rest.
    { name: 'webhook', use: browser, testMatch: /e2e\/webhook\/.*\.spec\.ts$/, dependencies: ['chromium'] },
  ],
});
