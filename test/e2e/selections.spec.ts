import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './shell.ts';

function withReplica<T>(dataDir: string, use: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(join(dataDir, 'showroom.sqlite'));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** A style's number and the barcodes of its first colourway, in size order, from the replica. */
function styleOf(dataDir: string, offset: number) {
  return withReplica(dataDir, (db) => {
    const style = db
      .prepare('select id, style_number, name from products order by style_number limit 1 offset ?')
      .get(offset) as { id: string; style_number: string; name: string };
    const barcodes = db
      .prepare(
        `select s.barcode from skus s join colorways c on c.id = s.colorway_id
         where s.product_id = ? and c.position = 0 order by s.position`,
      )
      .all(style.id) as { barcode: string }[];
    return { ...style, barcodes: barcodes.map((row) => row.barcode) };
  });
}

/** The first style (by style number) whose first colourway comes in at least `sizes` sizes. */
function styleWithSizes(dataDir: string, sizes: number) {
  return withReplica(dataDir, (db) =>
    db
      .prepare(
        `select p.style_number from products p
         join colorways c on c.product_id = p.id and c.position = 0
         join skus s on s.colorway_id = c.id
         group by p.id having count(*) >= ? order by p.style_number limit 1`,
      )
      .get(sizes),
  ) as { style_number: string };
}

const suggestions = (page: Page) =>
  page.getByRole('listbox', { name: 'Matching styles' }).getByRole('option');

async function newSelection(page: Page, buyer: string, name: string) {
  await page.getByRole('button', { name: 'Selections', exact: true }).click();
  await page.getByRole('button', { name: 'New selection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New selection' });
  await dialog.getByRole('searchbox', { name: 'Buyer' }).fill(buyer);
  await dialog
    .getByRole('button', { name: new RegExp(buyer) })
    .first()
    .click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create selection' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

async function firstBuyer(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Buyers', exact: true }).click();
  const row = page
    .getByRole('list', { name: 'Buyers' })
    .getByRole('listitem')
    .first()
    .getByRole('button');
  await expect(row).toBeVisible();
  return (await row.locator('.buyer-row__name').textContent()) ?? '';
}

test.describe('selections in the browser shell', () => {
  test('a rep builds a selection from the keyboard and a scanner, and sees totals at the buyer’s terms', async ({
    page,
    shell,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Selections', exact: true }).click();
    await expect(page.getByText('Open a selection, or start a new one')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('selections-empty.png') });

    const buyer = await firstBuyer(page);
    await newSelection(page, buyer, 'Spring market');
    await expect(page.getByText(/No styles yet/)).toBeVisible();

    // Quick entry: style number, Enter, quantities across the size run, Enter.
    const style = styleOf(shell.dataDir, 3);
    const entry = page.getByRole('combobox', { name: 'Add by style number or barcode' });
    await expect(entry).toBeFocused();
    await entry.fill(style.style_number);
    await expect(
      page.getByRole('listbox', { name: 'Matching styles' }).getByRole('option').first(),
    ).toContainText(style.style_number);
    await entry.press('Enter');
    const run = page.getByRole('form', {
      name: new RegExp(`Quantities for ${style.style_number}`),
    });
    await expect(run).toBeVisible();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.screenshot({ path: testInfo.outputPath('selection-size-run.png') });
    await page.keyboard.press('Enter');
    await expect(run).toBeHidden();
    await expect(entry).toBeFocused();
    const sheet = page.getByRole('table', { name: 'Order sheet' });
    await expect(sheet.getByRole('row')).toHaveCount(2);
    const totals = page.getByRole('definition');
    await expect(page.getByLabel('Totals')).toContainText('5');

    // A scanner types the barcode and Enter: one unit each time.
    await page.getByRole('heading', { name: 'Spring market' }).click();
    await page.keyboard.type(style.barcodes[2]!);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Added .*now 1\./)).toBeVisible();
    await page.keyboard.type(style.barcodes[2]!);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Added .*now 2\./)).toBeVisible();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*7/);
    await expect(totals.last()).toContainText(/^(SEK|NOK|DKK|CHF|USD|GBP|€|¥|\$|£)\s?[\d.,]+$/);

    // Bad quantities get a message at the size and are not saved.
    const cell = sheet.getByRole('textbox').first();
    await cell.fill('-4');
    await cell.press('Enter');
    await expect(page.getByText(/A quantity cannot be negative/)).toBeVisible();
    await cell.fill('lots');
    await cell.press('Enter');
    await expect(page.getByText(/Type a whole number of units/)).toBeVisible();
    await cell.fill('12000');
    await cell.press('Enter');
    await expect(page.getByText(/At most 9,999 units per size/)).toBeVisible();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*7/);
    await cell.fill('4');
    await cell.press('Enter');
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*9/);

    // Notes stay with the selection.
    await page.getByRole('textbox', { name: 'Notes' }).fill('Deliver before 15 February');
    await page.getByRole('heading', { name: 'Spring market' }).click();
    await expect(page.getByText('Notes saved.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('selection-sheet.png'), fullPage: true });

    // A size no longer sold on the buyer's pricelist is refused at the size.
    withReplica(shell.dataDir, (db) =>
      db
        .prepare('delete from prices where sku_id = (select id from skus where barcode = ?)')
        .run(style.barcodes[3]),
    );
    const large = sheet.getByRole('textbox', { name: / L$/ });
    await large.fill('1');
    await large.press('Enter');
    await expect(page.getByText(/no longer sold on this buyer's pricelist/)).toBeVisible();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*9/);

    // Remove the line.
    await sheet.getByRole('button', { name: new RegExp(`Remove ${style.style_number}`) }).click();
    await expect(page.getByText(/No styles yet/)).toBeVisible();
  });

  test('menus show their shortcuts; duplicate, export and delete work from keys and menus', async ({
    page,
    shell,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(shell.url);
    const buyer = await firstBuyer(page);
    await newSelection(page, buyer, 'Resort');
    const style = styleOf(shell.dataDir, 5);
    await page.keyboard.type(style.barcodes[0]!);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/now 1\./)).toBeVisible();

    await page.getByRole('button', { name: 'Actions' }).click();
    const menu = page.getByRole('menu', { name: 'Actions' });
    await expect(menu.getByRole('menuitem', { name: /Duplicate selection/ })).toContainText(
      /Ctrl\+D|⌘D/,
    );
    await expect(menu.getByRole('menuitem', { name: /Export order sheet/ })).toContainText(
      /Ctrl\+E|⌘E/,
    );
    await page.screenshot({ path: testInfo.outputPath('selection-menu.png') });

    const pdf = page.waitForEvent('download');
    await menu.getByRole('menuitem', { name: /Export order sheet/ }).click();
    const pdfFile = await pdf;
    expect(pdfFile.suggestedFilename()).toMatch(/Resort.*\.pdf$/);
    expect(
      readFileSync(await pdfFile.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const csv = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+E');
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toMatch(/Resort.*\.csv$/);
    expect(readFileSync(await csvFile.path(), 'utf8')).toContain(style.style_number);

    await page.keyboard.press('Control+D');
    await expect(page.getByRole('heading', { name: 'Copy of Resort', level: 2 })).toBeVisible();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*1/);

    await page.keyboard.press('Control+Backspace');
    const confirm = page.getByRole('dialog', { name: 'Delete “Copy of Resort”?' });
    await confirm.getByRole('button', { name: 'Delete selection' }).click();
    await expect(page.getByRole('heading', { name: 'Copy of Resort' })).toBeHidden();
    await expect(page.getByRole('list', { name: 'Selections' })).toContainText('Resort');
  });

  test('a buyer’s trading terms lead to the buyer’s selections', async ({
    page,
    shell,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(shell.url);
    const buyer = await firstBuyer(page);
    await page
      .getByRole('list', { name: 'Buyers' })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .click();
    const terms = page.getByRole('dialog', { name: 'Trading terms' });
    await expect(terms).toContainText(buyer);
    await expect(terms.getByRole('combobox', { name: 'Pricelist' })).toBeVisible();
    await terms.getByRole('textbox', { name: 'Discount (%)' }).fill('12.5');
    await terms.getByRole('button', { name: 'Save terms' }).click();
    await expect(terms).toBeHidden();
    await expect(
      page.getByRole('list', { name: 'Buyers' }).getByRole('listitem').first(),
    ).toContainText('12.5 %');
    await page
      .getByRole('list', { name: 'Buyers' })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .click();
    await page.screenshot({ path: testInfo.outputPath('buyer-terms.png') });
    await terms.getByRole('button', { name: 'New selection' }).click();
    const dialog = page.getByRole('dialog', { name: 'New selection' });
    await expect(dialog).toContainText(buyer);
    await dialog.getByRole('button', { name: 'Create selection' }).click();
    await expect(page.getByRole('heading', { name: /^Selection \d+$/, level: 2 })).toBeVisible();

    // Browsing the catalog with the selection open, a style goes straight into its size run.
    const selectionName = await page
      .getByRole('heading', { name: /^Selection \d+$/, level: 2 })
      .textContent();
    await page.getByRole('button', { name: 'Catalog', exact: true }).click();
    await page.getByRole('article').first().getByRole('button').first().click();
    const style = page.getByRole('dialog').filter({ has: page.getByRole('heading') });
    await style.getByRole('button', { name: `Add to “${selectionName}”` }).click();
    await expect(page.getByRole('form', { name: /^Quantities for / })).toBeVisible();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*1/);

    await page.getByRole('button', { name: 'Buyers', exact: true }).click();
    await page
      .getByRole('list', { name: 'Buyers' })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .click();
    await page
      .getByRole('dialog', { name: 'Trading terms' })
      .getByRole('button', { name: 'Selections' })
      .click();
    await expect(page.getByText(`For ${buyer}`).first()).toBeVisible();
    await page.getByRole('button', { name: 'Show selections for every buyer' }).click();
    await page
      .getByRole('combobox', { name: 'Whose selections' })
      .selectOption({ label: 'Maja Lindqvist' });
    await expect(page.getByRole('list', { name: 'Selections' })).toContainText('Maja Lindqvist');
    await page
      .getByRole('combobox', { name: 'Whose selections' })
      .selectOption({ label: 'Everyone’s selections' });
    await expect(
      page.getByRole('list', { name: 'Selections' }).getByRole('button'),
    ).not.toHaveCount(0);
    await expect(
      page.getByRole('list', { name: 'Selections' }).getByRole('button'),
    ).not.toHaveCount(0);
  });

  test('Enter in quick entry opens the typed style even before its suggestions arrive', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url);
    const buyer = await firstBuyer(page);
    await newSelection(page, buyer, 'Typed fast');
    const style = styleOf(shell.dataDir, 11);

    // The suggestions for what is typed are held back, so Enter comes before them.
    const held: Route[] = [];
    const suggestionsAsked = new Promise<void>((resolve) => {
      void page.route('**/rpc/catalog.search', async (route) => {
        const asked = route.request().postDataJSON() as { query?: string };
        if (held.length === 0 && asked.query === style.style_number) {
          held.push(route);
          resolve();
          return;
        }
        await route.continue();
      });
    });
    const entry = page.getByRole('combobox', { name: 'Add by style number or barcode' });
    await entry.fill(style.style_number);
    await suggestionsAsked;
    await entry.press('Enter');
    await expect(
      page.getByRole('form', { name: new RegExp(`Quantities for ${style.style_number}`) }),
    ).toBeVisible();
    await expect(page.getByText(/No style matches/)).toHaveCount(0);
    // The held suggestions arrive late, for a text no longer there, and change nothing.
    await held[0]?.continue();
    await page.unrouteAll();
    await expect(page.getByRole('listbox', { name: 'Matching styles' })).toHaveCount(0);
  });

  test('Enter anywhere in the size run adds; typed quantities are only thrown away when the rep says so', async ({
    page,
    shell,
  }, testInfo) => {
    await page.goto(shell.url);
    const buyer = await firstBuyer(page);
    await newSelection(page, buyer, 'Nothing lost');
    const style = styleOf(shell.dataDir, 13);
    const entry = page.getByRole('combobox', { name: 'Add by style number or barcode' });
    const run = page.getByRole('form', {
      name: new RegExp(`Quantities for ${style.style_number}`),
    });
    const openRun = async () => {
      await entry.fill(style.style_number);
      await expect(suggestions(page).first()).toContainText(style.style_number);
      await entry.press('Enter');
      await expect(run).toBeVisible();
    };

    // Tab past the last size lands on Cancel; Enter there adds what was typed.
    await openRun();
    await page.keyboard.type('2');
    await run.getByRole('textbox', { disabled: false }).last().focus();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await expect(run.getByRole('button', { name: /Cancel/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(run).toBeHidden();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*3/);

    // Escape with quantities typed asks first; keeping them keeps typing.
    await openRun();
    await page.keyboard.type('5');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog', { name: 'Discard the quantities you typed?' });
    await expect(discard).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('size-run-discard.png') });
    await discard.getByRole('button', { name: 'Keep typing' }).click();
    await expect(discard).toBeHidden();
    await expect(run.getByRole('textbox', { disabled: false }).first()).toHaveValue('5');

    // Cancel asks too; discarding leaves the selection as it was.
    await run.getByRole('button', { name: /Cancel/ }).click();
    await discard.getByRole('button', { name: 'Discard' }).click();
    await expect(run).toBeHidden();
    await expect(entry).toBeFocused();
    await expect(page.getByLabel('Totals')).toContainText(/Units\s*3/);

    // Another style opened over typed quantities asks as well.
    await openRun();
    await page.keyboard.type('7');
    const other = styleOf(shell.dataDir, 14);
    await entry.fill(other.style_number);
    await expect(suggestions(page).first()).toContainText(other.style_number);
    await entry.press('Enter');
    await expect(discard).toBeVisible();
    await discard.getByRole('button', { name: 'Keep typing' }).click();
    await expect(run.getByRole('textbox', { disabled: false }).first()).toHaveValue('7');

    // With nothing typed, Escape simply closes.
    await run.getByRole('textbox', { disabled: false }).first().fill('2');
    await page.keyboard.press('Escape');
    await expect(run).toBeHidden();
    await expect(discard).toBeHidden();
  });

  test('at 1024 px the order sheet keeps each line’s sizes in one row', async ({
    page,
    shell,
  }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(shell.url);
    const buyer = await firstBuyer(page);
    await newSelection(page, buyer, 'Laptop at the booth');
    const style = styleWithSizes(shell.dataDir, 6);
    const entry = page.getByRole('combobox', { name: 'Add by style number or barcode' });
    await entry.fill(style.style_number);
    await expect(suggestions(page).first()).toContainText(style.style_number);
    await entry.press('Enter');
    // The size run fits too: its sizes in a row, its price and Add in sight.
    const run = page.getByRole('form', {
      name: new RegExp(`Quantities for ${style.style_number}`),
    });
    await expect(run.getByRole('button', { name: /Add to selection/ })).toBeInViewport({
      ratio: 1,
    });
    await expect(
      run.getByText(/^(SEK|NOK|DKK|CHF|USD|GBP|€|¥|\$|£)\s?[\d.,]+$/).first(),
    ).toBeInViewport({ ratio: 1 });
    const runTops = await run
      .getByRole('textbox', { disabled: false })
      .evaluateAll((inputs) =>
        inputs.map((input) => Math.round(input.getBoundingClientRect().top)),
      );
    expect(new Set(runTops).size).toBe(1);
    await page.screenshot({ path: testInfo.outputPath('size-run-1024.png') });
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    const line = page
      .getByRole('table', { name: 'Order sheet' })
      .getByRole('row', { name: new RegExp(`^${style.style_number} `) })
      .first();
    await expect(line).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sheet-1024.png') });
    const sizes = line.getByRole('textbox');
    expect(await sizes.count()).toBeGreaterThanOrEqual(6);
    const tops = await sizes.evaluateAll((inputs) =>
      inputs.map((input) => Math.round(input.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    // Every size can be reached: the row scrolls when the sheet is narrower than its sizes.
    for (const size of await sizes.all()) {
      await size.scrollIntoViewIfNeeded();
      await expect(size).toBeInViewport();
    }
  });
});
