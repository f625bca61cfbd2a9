import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * A rep makes a customer order link while the hub is away: the page says it waits to
 * sync and goes live when the hub has it, its address is copied all the same, and once
 * the hub is back the link is live by itself.
 */
let hubDir: string;
let port: number;
let hub: HubProcess | null = null;
let shell: BrowserShell;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-hub-'));
  port = await freePort();
  hub = await startHubProcess(hubDir, port);
  shell = await startBrowserShell({ hubUrl: `http://127.0.0.1:${port}` });
});

test.afterAll(async () => {
  await shell.stop();
  if (hub) await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
});

test('a link made offline waits to sync, is copied, and goes live when the hub is back', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await signInAsDemo(page, 'Jonas Berg');
  const status = page.getByRole('button', { name: /^Sync status/ });

  await stopProcess(hub!);
  hub = null;
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Links' })
    .click();
  const panel = page.getByRole('tabpanel', { name: 'Customer Order Links' });
  await expect(panel.getByRole('heading', { name: 'No customer order links yet' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('links-empty.png') });
  await panel.getByRole('button', { name: 'Create a New Link' }).click();
  const form = panel.getByRole('form', { name: 'Create a New Customer Link' });
  await form.getByRole('textbox', { name: 'Link Name' }).fill('Booth follow-up');
  await form
    .getByRole('group', { name: 'Selectable Catalogs' })
    .getByRole('checkbox')
    .first()
    .check();
  await form.getByRole('button', { name: 'Create', exact: true }).click();

  const created = panel.getByRole('region', { name: 'Booth follow-up' });
  await expect(created).toContainText('Waiting to sync: the link goes live when the hub has it.');
  const row = panel.getByRole('row', { name: /Booth follow-up/ });
  await expect(row).toContainText('Waiting to sync');
  await expect(row).toContainText('Goes live on sync');
  await page.screenshot({ path: testInfo.outputPath('links-waiting.png') });

  // Copied offline: this computer kept the token it made.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await row.getByRole('button', { name: 'Copy this link: Booth follow-up' }).click();
  await expect(panel.getByRole('status')).toHaveText('The address of Booth follow-up was copied.');
  // Read once the page says it copied: the address is fetched before it is written.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/c\/[\w-]{43}$/);

  hub = await startHubProcess(hubDir, port);
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await expect(row).toContainText('Live', { timeout: 30_000 });
  await expect(row).not.toContainText('Waiting to sync');
  await expect(created).toContainText('Live: buyers can open it now.');
});
