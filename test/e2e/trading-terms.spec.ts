import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * A rep and an admin, each on their own computer, sharing a standalone hub: the rep
 * proposes a buyer's new trading terms, the admin approves them, and the rep sees the
 * buyer's terms change.
 */
let hubDir: string;
let hub: HubProcess;
let repShell: BrowserShell;
let adminShell: BrowserShell;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-terms-'));
  const port = await freePort();
  hub = await startHubProcess(hubDir, port);
  [repShell, adminShell] = await Promise.all([
    startBrowserShell({ hubUrl: `http://127.0.0.1:${port}` }),
    startBrowserShell({ hubUrl: `http://127.0.0.1:${port}` }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([repShell.stop(), adminShell.stop()]);
  await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
});

async function signedIn(page: Page, shell: BrowserShell, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(shell.url);
  await signInAsDemo(page, name);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Buyers' })
    .click();
}

const buyerRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Buyers' }).getByRole('listitem').filter({ hasText: name });

test('a rep proposes a buyer’s new trading terms and an admin approves them', async ({
  browser,
}, testInfo) => {
  // Two computers sign in and download the brand.
  test.setTimeout(180_000);
  const rep = await (await browser.newContext()).newPage();
  await signedIn(rep, repShell, 'Jonas Berg');
  // A rep is shown only the sections a rep works in.
  await expect(rep.getByRole('navigation', { name: 'Sections' }).getByRole('button')).toHaveText([
    'Catalog',
    'Selections',
    'Orders',
    'Buyers',
    'Links',
    'Direct to consumer',
    'Lookbooks',
  ]);
  const first = rep.getByRole('list', { name: 'Buyers' }).getByRole('listitem').first();
  const buyer = (await first.locator('.buyer-row__name-text').textContent()) ?? '';
  await first.getByRole('button').click();

  // A rep's trading terms: the terms as they stand, and a proposal instead of a change.
  const terms = rep.getByRole('dialog', { name: 'Trading terms' });
  await expect(terms).toContainText('Current terms');
  await expect(terms.getByRole('button', { name: 'Save terms' })).toHaveCount(0);
  await expect(terms.getByRole('heading', { name: 'Propose new terms' })).toBeVisible();
  await terms.getByRole('textbox', { name: 'Discount (%)' }).fill('15');
  await terms
    .getByRole('textbox', { name: 'Note for the admin' })
    .fill('Opening a second store in the spring');
  await rep.screenshot({ path: testInfo.outputPath('rep-proposes.png') });
  await terms.getByRole('button', { name: 'Propose terms' }).click();
  await expect(terms).toBeHidden();
  await expect(buyerRow(rep, buyer)).toContainText('Proposal');
  await expect(buyerRow(rep, buyer)).toContainText('0 %');

  await buyerRow(rep, buyer).getByRole('button').click();
  await expect(terms).toContainText('Waiting for an admin’s decision');
  await expect(terms.getByRole('button', { name: 'Propose terms' })).toHaveCount(0);
  await terms.getByRole('button', { name: 'Close' }).last().click();

  const admin = await (await browser.newContext()).newPage();
  await signedIn(admin, adminShell, 'Maja Lindqvist');
  const filter = admin.getByRole('button', { name: /^Terms proposals/ });
  await expect(filter).toContainText('1', { timeout: 30_000 });
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(admin.getByText('1 buyer with proposed terms')).toBeVisible();
  await buyerRow(admin, buyer).getByRole('button').click();

  const review = admin.getByRole('dialog', { name: 'Trading terms' });
  const proposal = review.getByRole('article', { name: /^Jonas Berg proposed on / });
  await expect(proposal).toContainText('15 %');
  await expect(proposal).toContainText('“Opening a second store in the spring”');
  await admin.screenshot({ path: testInfo.outputPath('admin-decides.png') });
  await proposal.getByRole('button', { name: 'Approve' }).click();
  await expect(proposal).toBeHidden();
  await expect(review.getByRole('status')).toHaveText(
    'Approved: these are the buyer’s trading terms now.',
  );
  await expect(review.getByRole('textbox', { name: 'Discount (%)' })).toHaveValue('15');
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(admin.getByText('No proposed trading terms wait for a decision.')).toBeVisible();
  await admin.getByRole('button', { name: 'Show every buyer' }).click();
  await expect(buyerRow(admin, buyer)).toContainText('15 %');

  // The rep's computer hears of the decision on its next sync.
  await expect(buyerRow(rep, buyer)).toContainText('15 %', { timeout: 30_000 });
  await expect(buyerRow(rep, buyer)).not.toContainText('Proposal');
  await buyerRow(rep, buyer).getByRole('button').click();
  await expect(terms).toContainText('Approved by Maja Lindqvist');
  await expect(terms.getByRole('heading', { name: 'Propose new terms' })).toBeVisible();
});
