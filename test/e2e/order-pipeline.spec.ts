import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { giveHubMailServer } from './hub-mail.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * The order pipeline as a brand lives it, on two desktops and one hub: the admin sets
 * the hub's mail server; a rep places a buyer's order at the booth with the hub stopped
 * (a provisional number, waiting to sync); the hub comes back and numbers it, and its
 * confirmation with the PDF reaches the mail server; the admin confirms it, then
 * cancels it with a reason, the buyer is told, and the stock it held is available again.
 */
const SMTP = { user: 'hub@mail.example', password: 'pipeline-password-7' };
const REP_EMAIL = 'jonas@nordlys-atelier.example';
let hubDir: string;
let port: number;
let hub: HubProcess | null = null;
let admin: BrowserShell;
let rep: BrowserShell;
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-pipeline-'));
  port = await freePort();
  hub = await startHubProcess(hubDir, port);
  smtp = await startSmtpServer(SMTP);
  const hubUrl = `http://127.0.0.1:${port}`;
  [admin, rep] = await Promise.all([startBrowserShell({ hubUrl }), startBrowserShell({ hubUrl })]);
});

test.afterAll(async () => {
  await Promise.all([admin.stop(), rep.stop()]);
  if (hub) await stopProcess(hub);
  await smtp.stop();
  rmSync(hubDir, { recursive: true, force: true });
});

/** Units the hub's stock rows hold for placed orders, read as the hub keeps them. */
function heldOnHub(): number {
  const db = new BetterSqlite3(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
  try {
    return (
      db.prepare('select coalesce(sum(held), 0) as held from stock').get() as {
        held: number;
      }
    ).held;
  } finally {
    db.close();
  }
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
}

test('an order placed offline at the booth is numbered, mailed with its PDF, confirmed, then cancelled with its stock back', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const repPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });

  // The admin gives the hub its mail server.
  await adminPage.goto(admin.url);
  await signInAsDemo(adminPage, 'Maja Lindqvist');
  await openSection(adminPage, 'Settings');
  await giveHubMailServer(adminPage, smtp, SMTP);

  // The rep builds a selection for a buyer at the booth.
  await repPage.goto(rep.url);
  await signInAsDemo(repPage, 'Jonas Berg');
  await openSection(repPage, 'Selections');
  await repPage.getByRole('button', { name: 'New selection' }).first().click();
  const create = repPage.getByRole('dialog', { name: 'New selection' });
  await create.getByRole('button').filter({ hasText: /·/ }).first().click();
  await create.getByRole('textbox', { name: 'Name' }).fill('Pipeline order');
  await create.getByRole('button', { name: 'Create selection' }).click();
  await repPage.getByRole('combobox', { name: 'Add by style number or barcode' }).fill('SS27-');
  await repPage
    .getByRole('listbox', { name: 'Matching styles' })
    .getByRole('option')
    .first()
    .click();
  await expect(repPage.getByRole('form', { name: /^Quantities for / })).toBeVisible();
  await repPage.keyboard.type('3');
  await repPage.keyboard.press('Enter');
  await expect(repPage.getByLabel('Totals')).toContainText(/Units\s*3/);
  const heldBefore = heldOnHub();

  // The hub goes away; the order is placed all the same.
  await stopProcess(hub!);
  hub = null;
  const status = repPage.getByRole('button', { name: /^Sync status/ });
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });
  await repPage.getByRole('button', { name: 'Place order' }).click();
  const dialog = repPage.getByRole('dialog', { name: /^Place order for / });
  const shipTo = dialog.getByRole('combobox', { name: 'Ship-to address' });
  if ((await shipTo.count()) > 0 && (await shipTo.inputValue()) !== 'new') {
    await shipTo.selectOption('new');
  }
  await dialog.getByRole('textbox', { name: 'Name or company' }).fill('Atlas & Vine');
  await dialog.getByRole('textbox', { name: 'Address line 1' }).fill('12 Market Street');
  await dialog.getByRole('textbox', { name: 'City' }).fill('Riverside');
  await dialog.getByRole('textbox', { name: 'PO number (optional)' }).fill('PO-PIPE-1');
  await dialog.getByRole('textbox', { name: 'Approved by' }).fill('Elsa Johansson');
  await dialog.getByRole('button', { name: 'Place order' }).click();
  const placed = repPage.getByRole('dialog', { name: /^Order P-[A-Z0-9]{8}-\d+ placed$/ });
  await expect(placed).toContainText('Waiting to sync');
  await placed.getByRole('button', { name: 'Go to Orders' }).click();
  const waiting = repPage.getByRole('row').filter({ hasText: 'PO-PIPE-1' });
  await expect(waiting).toContainText('Waiting to sync');
  await expect(waiting).toContainText(/P-[A-Z0-9]{8}-\d+/);
  await repPage.screenshot({ path: testInfo.outputPath('pipeline-waiting.png') });

  // The hub is back: the order has its number, and its confirmation goes out with the PDF.
  hub = await startHubProcess(hubDir, port);
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await expect(waiting).toContainText(/SO-\d{4}-\d{5}/, { timeout: 30_000 });
  await expect(waiting).not.toContainText('Waiting to sync');
  const number = /SO-\d{4}-\d{5}/.exec((await waiting.textContent()) ?? '')![0];
  expect(heldOnHub()).toBe(heldBefore + 3);

  const mailAbout = (words: string) =>
    expect
      .poll(() => smtp.received.find((mail) => mail.subject?.includes(words)), {
        timeout: 30_000,
      })
      .toBeTruthy();
  await mailAbout(`Order ${number} placed`);
  const placedMail = smtp.received.find((mail) => mail.subject?.includes(`${number} placed`))!;
  // The demo buyer has no email of their own: the rep who took the order gets it.
  expect(JSON.stringify(placedMail.to)).toContain(REP_EMAIL);
  const [pdf] = placedMail.attachments;
  expect(pdf?.contentType).toBe('application/pdf');
  const pages = (await pdfPages(new Uint8Array(pdf!.content))).join('\n');
  expect(pages).toContain(number);
  expect(pages).toContain('PO-PIPE-1');

  // The admin confirms the order, then cancels it with a reason.
  await openSection(adminPage, 'Orders');
  const row = adminPage.getByRole('row').filter({ hasText: number });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button', { name: number }).click();
  await adminPage.getByRole('button', { name: 'Confirm order' }).click();
  await expect(adminPage.getByRole('article')).toContainText('Confirmed', { timeout: 20_000 });
  await mailAbout(`Order ${number} confirmed`);
  await adminPage.getByRole('button', { name: 'Cancel order' }).click();
  const cancel = adminPage.getByRole('dialog', { name: `Cancel order ${number}?` });
  await cancel.getByRole('textbox', { name: 'Reason' }).fill('The buyer withdrew the order');
  await adminPage.screenshot({ path: testInfo.outputPath('pipeline-cancel.png') });
  await cancel.getByRole('button', { name: 'Cancel order' }).click();
  await expect(cancel).toHaveCount(0);
  await expect(adminPage.getByRole('article')).toContainText('Cancelled', { timeout: 20_000 });
  await mailAbout(`Order ${number} cancelled`);
  const cancelledMail = smtp.received.find((mail) => mail.subject?.includes('cancelled'))!;
  expect(cancelledMail.text).toContain('The buyer withdrew the order');

  // What the order held is available again, on the hub and at the rep's booth.
  await expect.poll(() => heldOnHub(), { timeout: 20_000 }).toBe(heldBefore);
  await adminPage.screenshot({ path: testInfo.outputPath('pipeline-cancelled.png') });
  await expect(waiting).toContainText('Cancelled', { timeout: 30_000 });
});
