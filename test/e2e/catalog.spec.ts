import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Locator } from '@playwright/test';
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

/** Gives a style's every price a long amount, as a dear coat in kronor or yen has. */
function priceDearly(dataDir: string, offset: number): string {
  const db = new BetterSqlite3(join(dataDir, 'showroom.sqlite'));
  try {
    const style = db
      .prepare('select id, style_number from products order by style_number limit 1 offset ?')
      .get(offset) as { id: string; style_number: string };
    db.prepare(
      `update prices set wholesale_minor = 123456700, retail_minor = 987654300
       where sku_id in (select id from skus where product_id = ?)`,
    ).run(style.id);
    return style.style_number;
  } finally {
    db.close();
  }
}

/**
 * The amounts on the cards that break across lines or stick out of their card, as
 * "text (lines, px over)"; none when all fit. An amount is a card's text that starts
 * with a currency and ends in a digit.
 */
function brokenAmounts(cards: Locator): Promise<string[]> {
  return cards.evaluateAll((articles) =>
    articles.flatMap((article) => {
      const box = article.getBoundingClientRect();
      const amounts = [...article.querySelectorAll('*')].filter(
        (node) => node.children.length === 0 && /^(SEK|€|¥|￥).*\d$/.test(node.textContent ?? ''),
      );
      return amounts.flatMap((amount) => {
        const range = document.createRange();
        range.selectNodeContents(amount);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
        const over = Math.max(...rects.map((rect) => rect.right)) - box.right;
        return lines === 1 && over <= 0 ? [] : [`${amount.textContent} (${lines}, ${over}px)`];
      });
    }),
  );
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

  test('an amount never breaks across lines on a card, in euros, kronor and yen, long ones too', async ({
    page,
    shell,
  }, testInfo) => {
    const dear = priceDearly(shell.dataDir, 2);
    const pricelist = page.getByRole('combobox', { name: 'Pricelist' });
    for (const width of [1280, 1024, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(shell.url);
      for (const currency of ['EUR', 'SEK', 'JPY']) {
        const value = await pricelist
          .locator('option', { hasText: currency })
          .first()
          .getAttribute('value');
        await pricelist.selectOption(value ?? '');
        const search = page.getByRole('searchbox', { name: 'Search styles' });
        for (const query of ['', dear]) {
          await search.fill(query);
          const first = page.getByRole('article').first();
          if (query !== '')
            await expect(first).toHaveAttribute('aria-label', new RegExp(`^${dear} `));
          await expect(first).toContainText(/WHS/);
          await expect(first.getByText(/^(SEK|€|¥|￥).*\d$/).first()).toBeVisible();
          if (query !== '' && width === 900) {
            await page.screenshot({
              path: testInfo.outputPath(`card-prices-${currency}-${width}.png`),
            });
          }
          expect(
            await brokenAmounts(page.getByRole('article')),
            `${currency} at ${width} px`,
          ).toEqual([]);
        }
      }
    }
  });

  test('a style’s size row and stock row line up, size by size', async ({
    page,
    shell,
  }, testInfo) => {
    await page.goto(shell.url);
    await page
      .getByRole('article')
      .first()
      .getByRole('button', { name: /^Open / })
      .click();
    const dialog = page.getByRole('dialog');
    const sizeRun = dialog.getByRole('table').first();
    await expect(sizeRun).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('style-size-run.png') });
    const sizes = sizeRun.getByRole('row').nth(0).getByRole('columnheader');
    const stock = sizeRun.getByRole('row').nth(1).getByRole('cell');
    const count = await sizes.count();
    expect(count).toBeGreaterThan(0);
    await expect(stock).toHaveCount(count);
    for (let index = 0; index < count; index++) {
      const [size, level] = [
        await sizes.nth(index).boundingBox(),
        await stock.nth(index).boundingBox(),
      ];
      expect(Math.abs(size!.x - level!.x), `column ${index + 1} starts together`).toBeLessThan(1);
      expect(Math.abs(size!.width - level!.width), `column ${index + 1} is as wide`).toBeLessThan(
        1,
      );
    }
  });
});
