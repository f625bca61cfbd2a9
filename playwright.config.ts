import { defineConfig } from '@playwright/test';
import { TEST_TMPDIR } from './test/support/test-tmpdir.ts';

// The shells, hubs and stores the tests start keep their files in memory (see there).
if (TEST_TMPDIR) process.env.TMPDIR = TEST_TMPDIR;

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the browser
 * shell (the real main-side worker and store); see test/e2e/shell.ts.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
