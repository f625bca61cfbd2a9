import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './shell.ts';
import {
  EXPIRED,
  expectAccessible,
  generateLink,
  newSelectionWithTwoUnits,
  openShareModal,
  visitUntil,
} from './share-pages.ts';

// The showroom and its built-in hub share one clock this test moves forward: expiry
// without sleeping.
test.use({ shellOptions: { timeTravel: true } });

async function saveSettings(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await change(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Saved on this computer/)).toBeVisible();
}

const expiryDays = (days: string) => async (page: Page) => {
  await page.getByRole('radio', { name: 'Enabled' }).check();
  await page.getByRole('textbox', { name: 'Share links expire in days' }).fill(days);
};

async function reopenShareModal(page: Page, selection: string): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
  await page.getByRole('list', { name: 'Selections' }).getByText(selection).click();
  return openShareModal(page);
}

/** The modal's row for the link made at `index` (newest first). */
const linkRow = (modal: Locator, index: number) =>
  modal
    .getByRole('table')
    .getByRole('row')
    .nth(index + 1);

test('a link lives its own number of days, stops while the setting is off; with prepayment the buyer orders; terminate-all ends every link', async ({
  page,
  shell,
  browser,
  request,
}) => {
  await page.goto(shell.url);
  await newSelectionWithTwoUnits(page, 'Autumn order');
  await saveSettings(page, expiryDays('10'));

  let modal = await reopenShareModal(page, 'Autumn order');
  const tenDayLink = await generateLink(modal);
  const tenDayExpiry = await linkRow(modal, 0).getByRole('cell').nth(2).innerText();
  await modal.getByRole('button', { name: 'Close' }).last().click();

  // A longer setting applies to new links only.
  await saveSettings(page, expiryDays('30'));
  modal = await reopenShareModal(page, 'Autumn order');
  await expect(modal).toContainText('It expires after 30 days.');
  const thirtyDayLink = await generateLink(modal);
  await expect(linkRow(modal, 1)).toContainText(tenDayExpiry);
  await expect(linkRow(modal, 0)).not.toContainText(tenDayExpiry);
  await modal.getByRole('button', { name: 'Close' }).last().click();

  const buyer = await (
    await browser.newContext({ viewport: { width: 375, height: 740 } })
  ).newPage();
  await visitUntil(buyer, 'Autumn order', () => buyer.goto(tenDayLink));

  // Switched off, no unique link opens; switched on again, they work as before.
  await saveSettings(page, (page) => page.getByRole('radio', { name: 'Disabled' }).check());
  await visitUntil(buyer, EXPIRED, () => buyer.reload());
  await saveSettings(page, (page) => page.getByRole('radio', { name: 'Enabled' }).check());
  await visitUntil(buyer, 'Autumn order', () => buyer.reload());

  // Eleven days on, the ten-day link has expired, for the buyer and in the modal; the
  // thirty-day link still opens.
  await shell.travel(11);
  await buyer.reload();
  await expect(buyer.getByRole('heading', { name: EXPIRED })).toBeVisible();
  await expectAccessible(buyer);
  modal = await reopenShareModal(page, 'Autumn order');
  await expect(linkRow(modal, 1)).toContainText('Expired');
  await expect(linkRow(modal, 0)).toContainText('Live');
  await modal.getByRole('button', { name: 'Close' }).last().click();
  const other = await (await browser.newContext()).newPage();
  await other.goto(thirtyDayLink);
  await expect(other.getByRole('heading', { name: 'Autumn order' })).toBeVisible();

  // An unknown token and an expired one get the very same answer.
  const answerTo = async (token: string) => {
    const answer = await request.post(`${new URL(tenDayLink).origin}/api/share/open`, {
      data: { token },
    });
    return { status: answer.status(), body: await answer.json() };
  };
  const unknown = randomBytes(32).toString('base64url');
  expect(await answerTo(tenDayLink.split('/s/')[1]!)).toEqual(await answerTo(unknown));

  // With prepayment checkout, the buyer completes the checkout: an Order at once.
  await saveSettings(page, (page) =>
    page
      .getByRole('checkbox', {
        name: 'Prepayment checkout: anonymous buyers may complete checkout themselves',
      })
      .check(),
  );
  await expect(async () => {
    await other.reload();
    await expect(other.getByRole('button', { name: 'Complete checkout' })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  await other.getByRole('textbox', { name: 'Your name' }).fill('Kenji Sato');
  await other.getByRole('textbox', { name: 'Email' }).fill('kenji@shop.example');
  // The demo brand ships Standard by default: completing needs the address and its rate,
  // in a country of the selection's currency.
  const checkout = other.getByRole('form', { name: 'Order this selection' });
  await checkout.getByRole('textbox', { name: 'Name or company' }).fill('Sato Shoten');
  await checkout.getByRole('textbox', { name: 'Address line 1' }).fill('1-2-3 Jingumae');
  await checkout.getByRole('textbox', { name: 'City' }).fill('Tokyo');
  const total = (await checkout.getByLabel('What the order comes to').textContent()) ?? '';
  const country = total.includes('€')
    ? 'DE'
    : total.includes('SEK')
      ? 'SE'
      : total.includes('¥')
        ? 'JP'
        : 'US';
  await checkout.getByRole('combobox', { name: 'Country' }).selectOption(country);
  await expect(checkout.getByRole('radio', { name: /^Standard · / })).toBeChecked();
  await other.getByRole('button', { name: 'Complete checkout' }).click();
  await expect(other.getByRole('heading', { name: 'Order placed' })).toBeFocused();
  await expect(other.getByRole('status')).toContainText(/SO-\d{4}-\d{5}/);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Orders' })
    .click();
  const order = page.getByRole('row').filter({ hasText: 'Kenji Sato' });
  await expect(order).toContainText('Order', { timeout: 20_000 });
  await expect(order).not.toContainText('Checkout Requested');
  await expect(order.getByRole('button', { name: 'Complete checkout' })).toHaveCount(0);

  // Terminate all: the thirty-day link stops at once.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await page.getByRole('button', { name: 'Terminate all share links' }).click();
  await page
    .getByRole('dialog', { name: 'Terminate every share link?' })
    .getByRole('button', { name: 'Terminate all share links' })
    .click();
  await expect(page.getByText('1 link terminated.')).toBeVisible();
  await visitUntil(other, EXPIRED, () => other.reload());
  modal = await reopenShareModal(page, 'Autumn order');
  await expect(linkRow(modal, 0)).toContainText('Revoked');
  await modal.getByRole('button', { name: 'Close' }).last().click();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'API Logs' })
    .click();
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Share links' });
  await expect(
    page.getByRole('table').getByRole('row').filter({ hasText: 'Every share link terminated' }),
  ).toHaveCount(1, { timeout: 20_000 });
  await expect(
    page.getByRole('table').getByRole('row').filter({ hasText: 'Share link generated' }),
  ).toHaveCount(2);
});
