import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * A rep gives a buyer a ship-to and a bill-to address, picking the country by its
 * name, is told at the field what is missing, and sees both listed; then the same
 * section in Japanese.
 */
let shell: BrowserShell;

test.beforeAll(async () => {
  shell = await startBrowserShell({ demoStyles: 20 });
});

test.afterAll(async () => {
  await shell.stop();
});

/** Words of the showroom this test goes by, in each language it looks at. */
const WORDS = {
  en: { sections: 'Sections', buyers: 'Buyers', list: 'Buyers' },
  ja: { sections: 'セクション', buyers: 'バイヤー', list: 'バイヤー一覧' },
} as const;

async function openFirstBuyer(page: Page, words: (typeof WORDS)[keyof typeof WORDS]) {
  await page
    .getByRole('navigation', { name: words.sections })
    .getByRole('button', { name: words.buyers })
    .click();
  await page
    .getByRole('list', { name: words.list })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .click();
}

test('a rep adds a ship-to and a bill-to address to a buyer', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await signInAsDemo(page, 'Jonas Berg');
  await openFirstBuyer(page, WORDS.en);

  const dialog = page.getByRole('dialog', { name: 'Trading terms' });
  const addresses = dialog.getByRole('region', { name: 'Addresses' });
  await expect(addresses).toContainText('No ship-to addresses yet.');

  // A ship-to address without its city: the problem shows at the field, nothing is saved.
  await addresses.getByRole('button', { name: 'Add ship-to address' }).click();
  const editor = addresses.getByRole('group', { name: 'New ship-to address' });
  await editor.getByRole('textbox', { name: 'Name or company' }).fill('Nordlys Tokyo');
  await editor.getByRole('textbox', { name: 'Address line 1' }).fill('1-2-3 Jingumae');
  await editor.getByRole('textbox', { name: 'Postal code (optional)' }).fill('150-0001');
  await editor.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Japan' });
  await editor.getByRole('button', { name: 'Save address' }).click();
  const city = editor.getByRole('textbox', { name: 'City' });
  await expect(city).toHaveAttribute('aria-invalid', 'true');
  await expect(city).toHaveAccessibleDescription('Fill this in.');
  await expect(addresses).toContainText('No ship-to addresses yet.');
  await page.screenshot({ path: testInfo.outputPath('address-problem-en.png'), fullPage: true });

  await city.fill('Shibuya-ku');
  await editor.getByRole('button', { name: 'Save address' }).click();
  await expect(editor).toBeHidden();

  // The bill-to address, its country picked by name too.
  await addresses.getByRole('button', { name: 'Add bill-to address' }).click();
  const billTo = addresses.getByRole('group', { name: 'New bill-to address' });
  await billTo.getByRole('textbox', { name: 'Name or company' }).fill('Nordlys Atelier AB');
  await billTo.getByRole('textbox', { name: 'Address line 1' }).fill('Götgatan 12');
  await billTo.getByRole('textbox', { name: 'City' }).fill('Stockholm');
  await billTo.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Sweden' });
  await billTo.getByRole('textbox', { name: 'City' }).press('Enter');
  await expect(billTo).toBeHidden();

  await addresses.getByRole('textbox', { name: 'Contact email' }).fill('orders@nordlys.example');
  await addresses.getByRole('button', { name: 'Save email' }).click();
  await expect(addresses).toContainText('Saved.');

  await expect(addresses.getByRole('listitem')).toHaveCount(1);
  await expect(addresses.getByRole('listitem')).toContainText('Nordlys Tokyo');
  await expect(addresses.getByRole('listitem')).toContainText('150-0001 Shibuya-ku');
  await expect(addresses.getByRole('listitem')).toContainText('Japan');
  await expect(addresses).toContainText('Nordlys Atelier AB');
  await expect(addresses).toContainText('Sweden');
  await expect(addresses.getByRole('button', { name: 'Add bill-to address' })).toHaveCount(0);
  await addresses.scrollIntoViewIfNeeded();
  await addresses.screenshot({ path: testInfo.outputPath('addresses-en.png') });

  // The same buyer in Japanese: country names in the page's language.
  const ja = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await ja.setViewportSize({ width: 1280, height: 900 });
  await ja.goto(shell.url);
  await openFirstBuyer(ja, WORDS.ja);
  const jaAddresses = ja.getByRole('region', { name: '住所' });
  await expect(jaAddresses).toContainText('日本');
  await expect(jaAddresses).toContainText('スウェーデン');
  await jaAddresses.getByRole('button', { name: '配送先住所を追加' }).scrollIntoViewIfNeeded();
  await ja.screenshot({ path: testInfo.outputPath('addresses-ja.png') });
  await jaAddresses.getByRole('button', { name: '配送先住所を追加' }).click();
  await jaAddresses.getByRole('button', { name: '住所を保存' }).click();
  await expect(jaAddresses.getByRole('combobox', { name: '国' })).toHaveAccessibleDescription(
    '国を選択してください。',
  );
  await jaAddresses.getByRole('group').scrollIntoViewIfNeeded();
  await ja.screenshot({ path: testInfo.outputPath('address-problem-ja.png') });
});
