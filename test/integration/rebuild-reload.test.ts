import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserTransport } from '../../main/shell/browser-transport.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * `npm run build` while a shell or a hub runs: the build replaces the hashed assets, so
 * a reload must get the new page, never the old page whose assets are gone. Each build
 * here is real (Vite), of the app's source plus one line that marks the page with the
 * build's edition: the second build changes the entry's hash as a change of source would.
 */
const config = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-rebuild-'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function buildInto(configFile: string, outDir: string, edition: number): Promise<void> {
  const marker: Plugin = {
    name: 'test:edition',
    transform: (code, id) =>
      id.endsWith('/main.tsx')
        ? `${code}\ndocument.documentElement.dataset.edition = '${edition}';`
        : null,
  };
  await build({
    configFile: config(configFile),
    logLevel: 'error',
    plugins: [marker],
    build: { outDir, emptyOutDir: true },
  });
}

/** The page's module script, and every asset that failed to load while it opened. */
async function open(page: Page, go: () => Promise<unknown>, ready: () => Promise<unknown>) {
  const failed: string[] = [];
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  };
  page.on('response', onResponse);
  await go();
  await ready();
  page.off('response', onResponse);
  return {
    script: await page.locator('script[type="module"]').getAttribute('src'),
    edition: await page.locator('html').getAttribute('data-edition'),
    failed: failed.filter((line) => line.includes('/assets/')),
  };
}

describe('a rebuild while the page is open', () => {
  it('the browser shell gives the next reload the new showroom, whose assets are there', async () => {
    const showroomDir = join(dir, 'showroom');
    const bridgeDir = join(dir, 'bridge');
    await buildInto('vite.showroom.config.ts', showroomDir, 1);
    await buildInto('vite.bridge.config.ts', bridgeDir, 1);
    const secret = 'r'.repeat(43);
    const app = await createBrowserTransport({
      host: {
        call: () =>
          Promise.resolve({
            ok: false,
            error: { code: 'unavailable', message: 'This test has no worker.' },
          }),
      },
      secret,
      showroomDir,
      bridgeFile: join(bridgeDir, 'bridge.js'),
      device: 'test-device',
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const page = await browser.newPage();
    try {
      // The showroom has drawn something: its script loaded and ran.
      const drawn = () => page.locator('#root > *').first().waitFor();
      const first = await open(page, () => page.goto(`${base}/?key=${secret}`), drawn);
      expect(first).toMatchObject({ edition: '1', failed: [] });

      await buildInto('vite.showroom.config.ts', showroomDir, 2);
      const second = await open(page, () => page.reload(), drawn);
      expect(second).toMatchObject({ edition: '2', failed: [] });
      expect(second.script).not.toBe(first.script);
    } finally {
      await page.close();
      await app.close();
    }
  }, 120_000);

  it('the hub gives the next reload the new buyer pages, whose assets are there', async () => {
    const buyerAppDir = join(dir, 'buyer');
    await buildInto('vite.buyer.config.ts', buyerAppDir, 1);
    const hub = await startTestHub({ dataDir: join(dir, 'hub'), port: 0, buyerAppDir });
    const page = await browser.newPage();
    try {
      const drawn = () => page.getByText('Powered by Trunkshow').waitFor();
      const first = await open(page, () => page.goto(`${hub.url}/login`), drawn);
      expect(first).toMatchObject({ edition: '1', failed: [] });

      await buildInto('vite.buyer.config.ts', buyerAppDir, 2);
      const second = await open(page, () => page.reload(), drawn);
      expect(second).toMatchObject({ edition: '2', failed: [] });
      expect(second.script).not.toBe(first.script);
      await expect(page.getByRole('heading', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    } finally {
      await page.close();
      await hub.close();
    }
  }, 120_000);
});
