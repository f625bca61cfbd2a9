import { expect, test } from './shell.ts';
import { styleNumbersOf, switchAccount } from './shell.ts';

/**
 * An admin makes a catalog in the Catalogs section: a missing name is said at its field
 * first; styles go in by style number and from a CSV (an unknown style number reported
 * by its line); a rate group is chosen; the list shows the catalog. A rep has no
 * Catalogs section.
 */

test.describe.configure({ mode: 'serial' });

test('an admin creates a catalog with styles by number and from a CSV, and a rate group', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Catalogs' })
    .click();
  const section = page.getByRole('region', { name: 'Catalogs' });
  const table = section.getByRole('table', { name: 'Catalogs' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  const [first, second, third] = (await styleNumbersOf(page, 3)) as [string, string, string];

  await section.getByRole('button', { name: 'New catalog' }).click();
  const dialog = page.getByRole('dialog', { name: 'New catalog' });
  await expect(dialog).toContainText(/this computer’s time zone \(.+\)/);
  await dialog.getByRole('textbox', { name: 'Season' }).fill('AW27');
  await dialog.getByLabel('Publication date').fill('2027-05-01T09:00');
  await dialog.getByLabel('Order deadline').fill('2027-04-01T09:00');
  await dialog.getByRole('button', { name: 'Save catalog' }).click();
  await expect(
    dialog.getByRole('textbox', { name: 'Name', exact: true }),
  ).toHaveAccessibleDescription('Give the catalog a name.');
  await expect(dialog.getByLabel('Order deadline')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('catalog-errors.png') });

  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('AW27 Capsule');
  await dialog.getByLabel('Order deadline').fill('2027-07-01T18:00');
  await dialog.getByLabel('Status').selectOption({ label: 'Limited' });
  await dialog.getByRole('radio', { name: 'Hide the address input field in checkout' }).check();
  await dialog.getByRole('checkbox', { name: 'Express' }).check();

  // By style number: typed exactly, Enter adds it.
  const entry = dialog.getByRole('textbox', { name: 'Add a style by style number or name' });
  await entry.fill(first);
  await entry.press('Enter');
  const list = dialog.getByRole('list', { name: 'Styles' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(first);

  // From a CSV: one style already in, one new, one the brand does not have.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import styles from CSV' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'capsule.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`style_number,note\n${first},a\n${second},b\nNO-SUCH-STYLE,c\n`),
  });
  await expect(dialog.getByRole('status')).toContainText('Line 4: no style NO-SUCH-STYLE.');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('group', { name: '2 styles in this catalog' })).toBeVisible();
  await dialog.getByRole('button', { name: `Remove ${first}` }).click();
  await entry.fill(third);
  await entry.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('catalog-dialog.png'), fullPage: true });

  await dialog.getByRole('button', { name: 'Save catalog' }).click();
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row', { name: /AW27 Capsule/ });
  await expect(row).toContainText('AW27');
  await expect(row).toContainText('Limited');
  await expect(row.getByRole('cell').nth(4)).toHaveText('2');
  await expect(section.getByRole('status')).toHaveText('AW27 Capsule was saved.');
  await page.screenshot({ path: testInfo.outputPath('catalogs.png') });

  // Opened again, it holds what was saved: the rate group and the styles in order.
  await section.getByRole('button', { name: 'Edit AW27 Capsule' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit AW27 Capsule' });
  await expect(edit.getByRole('checkbox', { name: 'Express' })).toBeChecked();
  await expect(
    edit.getByRole('radio', { name: 'Hide the address input field in checkout' }),
  ).toBeChecked();
  await expect(edit.getByLabel('Publication date')).toHaveValue('2027-05-01T09:00');
  await expect(edit.getByRole('list', { name: 'Styles' }).getByRole('listitem')).toHaveText([
    new RegExp(second),
    new RegExp(third),
  ]);
  await edit.getByRole('button', { name: 'Cancel' }).click();
});

test('the Catalogs section in Japanese', async ({ browser, shell }, testInfo) => {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'カタログ管理' })
    .click();
  const section = page.getByRole('region', { name: 'カタログ', exact: true });
  await expect(section.getByRole('row', { name: /AW27 Capsule/ })).toContainText('限定公開');
  await section.getByRole('button', { name: '新しいカタログ' }).click();
  const dialog = page.getByRole('dialog', { name: '新しいカタログ' });
  await dialog.getByRole('button', { name: 'カタログを保存' }).click();
  await expect(
    dialog.getByRole('textbox', { name: '名前', exact: true }),
  ).toHaveAccessibleDescription('カタログの名前を入力してください。');
  await page.screenshot({ path: testInfo.outputPath('catalog-dialog-ja.png') });
  await page.close();
});

test('a rep sees no Catalogs section', async ({ page, shell }) => {
  await page.goto(shell.url);
  await switchAccount(page, 'Maja Lindqvist Admin', 'Jonas Berg');
  try {
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('button', { name: 'Buyers' })).toBeVisible();
    await expect(sections.getByRole('button', { name: 'Catalogs' })).toHaveCount(0);
  } finally {
    // The shell is the worker's: the next test file expects its admin signed in.
    await switchAccount(page, 'Jonas Berg Sales rep', 'Maja Lindqvist');
  }
});
