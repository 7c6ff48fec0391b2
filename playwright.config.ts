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

/** Specs that switch on a data source for every request of a kind while they run. */
const switchesOnSources = [/e2e\/webhook\/.*\.spec\.ts$/, /e2e\/fulfilment\/cross-system-erasure\.spec\.ts$/];

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
    { name: 'chromium', use: browser, testIgnore: switchesOnSources },
    // These switch on data sources that every run of a kind would use while they run (a webhook for access requests;
    // a CRM and a processor for deletions), so they run after the rest: beside each other, as they serve different kinds.
    { name: 'switches-on-sources', use: browser, testMatch: switchesOnSources, dependencies: ['chromium'] },
  ],
});
