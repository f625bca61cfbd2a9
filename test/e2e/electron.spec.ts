import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.ts';
import { signInAsDemo } from './shell.ts';

const root = resolve(import.meta.dirname, '..', '..');
const binary = electronBinary(root);

test.skip(
  binary === null,
  'The Electron binary is not installed here (its download host is unreachable); the browser-shell tests cover the same renderer and services.',
);

test('the desktop app sets up its built-in hub and opens the catalog in a locked-down window', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trunkshow-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [root],
    env: { ...process.env, TRUNKSHOW_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Trunkshow/);
    await page.getByRole('button', { name: 'Explore the demo brand instead' }).click();
    await signInAsDemo(page, 'Jonas Berg');
    await expect(page.getByRole('searchbox', { name: 'Search styles' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    expect(
      await page.evaluate(() => (window as { trunkshow?: { shell: string } }).trunkshow?.shell),
    ).toBe('electron');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
    await page.evaluate(() => {
      window.location.href = 'https://example.com';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/showroom\//);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
