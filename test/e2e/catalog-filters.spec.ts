import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { expect, importCsv, test } from './shell.ts';

/** Reads the showroom's replica the way the shell left it, without writing to it. */
function readReplica<T>(dataDir: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(join(dataDir, 'showroom.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const filterBar = (page: Page) => page.getByRole('group', { name: 'Filters' });

async function choose(page: Page, filter: string, option: string): Promise<void> {
  await filterBar(page).getByRole('button', { name: filter, exact: true }).click();
  await page
    .getByRole('listbox', { name: filter })
    .getByRole('option', { name: option, exact: true })
    .click();
}

/** The text of every card on screen (the grid renders only those), once some are there. */
async function cardTexts(page: Page): Promise<string[]> {
  await expect(page.getByRole('article').first()).toBeVisible();
  return page.getByRole('article').allInnerTexts();
}

function styleCount(page: Page): Locator {
  return page.getByText(/^\d+ (of \d+ )?styles?$/);
}

test.describe('filtering the catalog in the browser shell', () => {
  test('narrows by season and by category, shows each as a chip, and counts what is left', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    await expect(styleCount(page)).toHaveText('120 styles');

    await choose(page, 'Season', 'AW26');
    const season = page.getByRole('button', { name: 'Remove filter Season: AW26' });
    await expect(season).toBeVisible();
    await expect(styleCount(page)).toHaveText(/^\d+ of 120 styles$/);
    for (const text of await cardTexts(page)) expect(text).toContain('AW26');

    await choose(page, 'Category', 'Shirts');
    await expect(
      page.getByRole('button', { name: 'Remove filter Category: Shirts' }),
    ).toBeVisible();
    for (const text of await cardTexts(page)) expect(text).toMatch(/Shirts · AW26/);
    const expected = readReplica(shell.dataDir, (db) =>
      db
        .prepare("select count(*) as n from products where season = 'AW26' and category = 'Shirts'")
        .get(),
    ) as { n: number };
    await expect(styleCount(page)).toHaveText(`${expected.n} of 120 styles`);

    await season.click();
    await expect(season).toBeHidden();
    await expect(
      filterBar(page).getByRole('button', { name: 'Season', exact: true }),
    ).toBeFocused();
    for (const text of await cardTexts(page)) expect(text).toContain('Shirts ·');
    await filterBar(page).getByRole('button', { name: 'Clear filters' }).click();
    await expect(styleCount(page)).toHaveText('120 styles');
  });

  test('narrows by catalog and by colour', async ({ page, shell }) => {
    await page.goto(shell.url);
    await choose(page, 'Catalog', 'AW26 Collection');
    await filterBar(page).getByRole('button', { name: 'Catalog', exact: true }).click();
    await expect(page.getByRole('option', { name: 'AW26 Collection' })).toHaveAccessibleDescription(
      'Closed',
    );
    await page.keyboard.press('Escape');
    await expect(
      page.getByRole('button', { name: 'Remove filter Catalog: AW26 Collection' }),
    ).toBeVisible();
    const inCatalog = readReplica(shell.dataDir, (db) =>
      db
        .prepare(
          `select count(*) as n from catalog_products cp join catalogs c on c.id = cp.catalog_id
           where c.name = 'AW26 Collection'`,
        )
        .get(),
    ) as { n: number };
    await expect(styleCount(page)).toHaveText(`${inCatalog.n} of 120 styles`);
    for (const text of await cardTexts(page)) expect(text).toContain('AW26');

    await filterBar(page).getByRole('button', { name: 'Clear filters' }).click();
    await choose(page, 'Color', 'Navy');
    await expect(page.getByRole('button', { name: 'Remove filter Color: Navy' })).toBeVisible();
    const colorways = page.getByRole('article').getByRole('list', { name: 'Colorways' });
    await expect(colorways.first()).toBeVisible();
    // Retried until the grid has settled on the filter: a card list read once could be
    // the one still on screen from before it.
    await expect(colorways.filter({ hasNotText: 'Navy' })).toHaveCount(0);
  });

  test('is driven from the keyboard: arrows move, Enter chooses, Escape leaves it as it was', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    const season = filterBar(page).getByRole('button', { name: 'Season', exact: true });
    await season.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('listbox', { name: 'Season' });
    await expect(list).toBeFocused();
    await expect(list.getByRole('option', { name: 'All seasons' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(season).toBeFocused();
    await expect(page.getByRole('list', { name: 'Active filters' })).toBeHidden();

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // Seasons are listed newest first.
    await expect(page.getByRole('button', { name: 'Remove filter Season: AW27' })).toBeVisible();
    await expect(season).toBeFocused();
  });

  test('says what to do when the filters and the search match nothing', async ({ page, shell }) => {
    await page.goto(shell.url);
    await choose(page, 'Season', 'SS27');
    await choose(page, 'Category', 'Shoes');
    const search = page.getByRole('searchbox', { name: 'Search styles' });
    await search.fill('AW26');
    await expect(
      page.getByRole('heading', { name: 'No styles match “AW26” with these filters' }),
    ).toBeVisible();
    await expect(
      page.getByText('Remove a filter above, or clear them all to see every style.'),
    ).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).click();
    await expect(search).toHaveValue('AW26');
    await expect(page.getByRole('article').first()).toContainText('AW26');
  });

  test('shows only styles with stock left, and a style sold out everywhere drops out', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    const card = page.getByRole('article').first();
    const label = (await card.getAttribute('aria-label')) ?? '';
    const styleNumber = label.split(' ')[0]!;
    const stock = readReplica(shell.dataDir, (db) =>
      db
        .prepare(
          `select w.name as warehouse, s.barcode from skus s
           join products p on p.id = s.product_id cross join warehouses w
           where p.style_number = ?`,
        )
        .all(styleNumber),
    ) as { warehouse: string; barcode: string }[];
    expect(stock.length).toBeGreaterThan(0);

    // The brand sells out the style in every warehouse.
    await importCsv(page, {
      name: 'stock.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['warehouse,barcode,quantity', ...stock.map((s) => `${s.warehouse},${s.barcode},0`)].join(
          '\n',
        ),
      ),
    });
    const report = page.getByRole('dialog');
    await expect(report.getByText('Imported')).toBeVisible();
    await report.getByRole('button', { name: 'Close' }).click();

    const search = page.getByRole('searchbox', { name: 'Search styles' });
    await search.fill(styleNumber);
    await expect(page.getByRole('article', { name: label })).toBeVisible();
    const inStock = filterBar(page).getByRole('button', { name: 'In stock', exact: true });
    await inStock.click();
    await expect(inStock).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page.getByRole('heading', { name: `No styles match “${styleNumber}” with these filters` }),
    ).toBeVisible();

    const stocked = readReplica(shell.dataDir, (db) =>
      db
        .prepare(
          `select count(*) as n from products p where exists (select 1 from skus s
             where s.product_id = p.id and (select sum(quantity) from stock where sku_id = s.id) > 0)`,
        )
        .get(),
    ) as { n: number };
    expect(stocked.n).toBeLessThan(120);
    await search.fill('');
    await expect(styleCount(page)).toHaveText(`${stocked.n} of 120 styles`);
    await page.getByRole('button', { name: 'Remove filter In stock' }).click();
    await expect(inStock).toHaveAttribute('aria-pressed', 'false');
    await expect(styleCount(page)).toHaveText('120 styles');
  });

  test('reads in Japanese', async ({ browser, shell }) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(shell.url);
    const bar = page.getByRole('group', { name: '絞り込み' });
    await bar.getByRole('button', { name: 'シーズン' }).click();
    await page.getByRole('option', { name: 'すべてのシーズン' }).waitFor();
    await page.getByRole('option', { name: 'SS27' }).click();
    await expect(
      page.getByRole('button', { name: '絞り込み「シーズン：SS27」を外す' }),
    ).toBeVisible();
    await expect(bar.getByRole('button', { name: '絞り込みをすべて解除' })).toBeVisible();
    await context.close();
  });
});
