import { expect, test } from './shell.ts';
import {
  generateLink,
  newSelectionWithTwoUnits,
  openShareModal,
  visitUntil,
} from './share-pages.ts';

// The showroom and its built-in hub share one clock this test moves past a catalog's
// order deadline. The demo brand's SS27 Main Collection closes 75 days after it was made.
test.use({ shellOptions: { timeTravel: true } });

const PAST_MAIN = /Past the order deadline of SS27 Main Collection \(\d{1,2} \w+ \d{4}\)/;

test('past a catalog’s order deadline the buyer reads why on the line and cannot check out, and the rep is warned', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await page.getByRole('radio', { name: 'Enabled' }).check();
  await page.getByRole('textbox', { name: 'Share links expire in days' }).fill('200');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Saved on this computer/)).toBeVisible();

  await newSelectionWithTwoUnits(page, 'Late SS27 reorder');
  // Before the deadline: no warning.
  await expect(page.getByText(PAST_MAIN)).toHaveCount(0);
  const modal = await openShareModal(page);
  const link = await generateLink(modal);
  await modal.getByRole('button', { name: 'Close' }).last().click();
  const buyer = await (
    await browser.newContext({ viewport: { width: 375, height: 740 } })
  ).newPage();
  await visitUntil(buyer, 'Late SS27 reorder', () => buyer.goto(link));
  await expect(buyer.getByRole('button', { name: 'Request Checkout' })).toBeEnabled();

  await shell.travel(76);

  // The buyer: the line says why, and nothing is left to order.
  await buyer.reload();
  await expect(buyer.getByText(/^Orders for SS27 Main Collection closed on /)).toBeVisible();
  await expect(
    buyer.getByText('Every style here is past its order deadline: nothing can be ordered.'),
  ).toBeVisible();
  await expect(buyer.getByRole('button', { name: 'Request Checkout' })).toBeDisabled();
  await buyer
    .getByRole('listitem')
    .filter({ hasText: 'Orders for' })
    .screenshot({ path: testInfo.outputPath('buyer-line-en.png') });
  await buyer.goto(`${new URL(link).origin}/shared?lang=ja`);
  await expect(
    buyer.getByText(/SS27 Main Collection のご注文受付は .+年.+月.+日 に締め切られました/),
  ).toBeVisible();
  await buyer.screenshot({ path: testInfo.outputPath('buyer-page-ja.png'), fullPage: true });

  // The rep: warned in the header and at the line, and may still work on the selection.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Orders' })
    .click();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
  await page.getByRole('list', { name: 'Selections' }).getByText('Late SS27 reorder').click();
  await expect(page.getByRole('status').filter({ hasText: PAST_MAIN })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: PAST_MAIN })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('rep-warning-en.png') });

  const japanese = await (
    await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await japanese.goto(shell.url);
  await japanese
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'セレクション' })
    .click();
  await japanese.getByText('Late SS27 reorder').first().click();
  await expect(
    japanese.getByText(/SS27 Main Collection の注文締切（.+）を過ぎています/),
  ).toBeVisible();
  await japanese.screenshot({ path: testInfo.outputPath('rep-warning-ja.png') });
});
