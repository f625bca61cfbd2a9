import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from './shell.ts';

function barcodeOf(dataDir: string, styleNumber: string): string {
  const db = new BetterSqlite3(join(dataDir, 'showroom.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare(
        'select s.barcode from skus s join products p on p.id = s.product_id where p.style_number = ? order by s.position limit 1',
      )
      .get(styleNumber) as { barcode: string };
    return row.barcode;
  } finally {
    db.close();
  }
}

test.describe('the rep’s catalog in the browser shell', () => {
  test('opens on the demo brand’s catalog with pictures and prices', async ({ page, shell }) => {
    await page.goto(shell.url);
    const search = page.getByRole('searchbox', { name: 'Search styles' });
    await expect(search).toBeFocused();
    await expect(page.getByText(/120 styles/)).toBeVisible();

    const firstCard = page.getByRole('article').first();
    await expect(firstCard).toBeVisible();
    await expect(firstCard.getByRole('img')).toHaveJSProperty('complete', true);
    expect(
      await firstCard.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await expect(firstCard).toContainText(/WHS\s*€\d/);
    await expect(firstCard).toContainText(/RRP\s*€\d/);
  });

  test('renders only the cards on screen', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByRole('article').first()).toBeVisible();
    const rendered = await page.getByRole('article').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(120);
  });

  test('finds a style by style number, by name, and by a scanned barcode', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    const firstCard = page.getByRole('article').first();
    await expect(firstCard).toBeVisible();
    const label = (await firstCard.getAttribute('aria-label')) ?? '';
    const styleNumber = label.split(' ')[0]!;
    const name = label.slice(styleNumber.length + 1);

    const search = page.getByRole('searchbox', { name: 'Search styles' });
    await search.fill(styleNumber);
    await expect(page.getByRole('article').first()).toHaveAttribute('aria-label', label);

    await search.fill(name.toUpperCase());
    await expect(page.getByRole('article', { name: label })).toBeVisible();

    const barcode = barcodeOf(shell.dataDir, styleNumber);
    await search.fill('');
    // A scanner types the digits fast and presses Enter.
    await search.pressSequentially(barcode, { delay: 5 });
    await search.press('Enter');
    const scanned = page.getByRole('article').first();
    await expect(scanned).toHaveAttribute('aria-label', label);
    await expect(scanned).toContainText(`Scanned ${barcode}`);
  });

  test('says so when nothing matches, and clears the search', async ({ page, shell }) => {
    await page.goto(shell.url);
    const search = page.getByRole('searchbox', { name: 'Search styles' });
    await search.fill('no such style anywhere');
    await expect(page.getByText('No styles match “no such style anywhere”')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(search).toHaveValue('');
    await expect(page.getByRole('article').first()).toBeVisible();
  });

  test('shows prices in the pricelist the rep picks', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByRole('article').first()).toContainText('€');
    const pricelist = page.getByRole('combobox', { name: 'Pricelist' });
    const japan = await pricelist
      .locator('option', { hasText: 'JPY' })
      .first()
      .getAttribute('value');
    await pricelist.selectOption(japan ?? '');
    await expect(page.getByRole('article').first()).toContainText('¥');
  });

  test('opens a style to show its colourways, sizes, prices and stock per size', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    const card = page.getByRole('article').first();
    const styleNumber = (await card.getByText(/^[A-Z]{2}\d{2}-\d{5}$/).textContent()) ?? '';
    await card.getByRole('button', { name: /^Open / }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^${styleNumber} `) });
    await expect(dialog).toBeVisible();
    const sizeRun = dialog.getByRole('table').first();
    await expect(sizeRun.getByRole('rowheader', { name: 'Size' })).toBeVisible();
    await expect(sizeRun.getByRole('rowheader', { name: 'In stock' })).toBeVisible();
    expect(await sizeRun.getByRole('columnheader').count()).toBeGreaterThan(1);
    await expect(dialog).toContainText(/WHS\s*\S*\d/);
    await expect(dialog).toContainText(/RRP\s*\S*\d/);
    await page.screenshot({ path: 'test-results/style-open.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(card.getByRole('button', { name: /^Open / })).toBeFocused();
  });
});
