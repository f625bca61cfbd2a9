import { chromium, type LaunchOptions } from '@playwright/test';

/** Debian's Chromium unless CHROMIUM_PATH names another (Playwright's own is never downloaded). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium as the tests and benchmarks run it: no sandbox (it runs as root here), no GPU,
 * and no traffic of its own to anywhere but the pages it is sent to. `args` add to these.
 */
export function launchChromium(options: LaunchOptions = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    ...options,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...(options.args ?? []),
    ],
  });
}
