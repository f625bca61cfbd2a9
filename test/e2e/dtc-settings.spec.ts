import { expect, test } from './shell.ts';

const SPEC_EXAMPLE = 'https://nameofthestore/selection/%basket%/%hash%';

test('an admin sets DTC checkout: the link template with its preview, a country’s tax rate and a market’s tax', async ({
  browser,
  page,
  shell,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const group = page.getByRole('region', { name: 'Direct to consumer' });

  // The link template: blank leads to the hub's own page; each refusal is said at the field.
  const link = group.getByRole('form', { name: 'DTC checkout link' });
  const field = link.getByRole('textbox', { name: 'payment_link' });
  await expect(link.getByText(SPEC_EXAMPLE).first()).toBeVisible();
  // The built-in hub's own checkout page, /dtc/<basket>/<hash>.
  await expect(
    link.getByText(/^http:\/\/127\.0\.0\.1:\d+\/dtc\/[\w-]{36}\/[\w-]{43}$/),
  ).toBeVisible();
  await field.fill('https://nordlys.example/selection/%basket%');
  await link.getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveAccessibleDescription(/Put %hash% where the link’s secret goes\./);
  await expect(link.getByText('No link can be made from this yet.')).toBeVisible();
  await field.fill('nordlys/%basket%/%hash%');
  await expect(field).toHaveAccessibleDescription(/must be a web address/);
  await field.fill('https://nordlys.example/selection/%basket%/%hash%');
  await expect(
    link.getByText(/^https:\/\/nordlys\.example\/selection\/[\w-]{36}\/[\w-]{43}$/),
  ).toBeVisible();
  await link.getByRole('button', { name: 'Save' }).click();
  await expect(link.getByRole('status')).toHaveText(/Saved/);
  await link.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath('dtc-link-template.png') });

  // A tax rate: refused when finer than a basis point, then saved and listed.
  const taxes = group.getByRole('region', { name: 'Tax rates' });
  await taxes.getByRole('button', { name: 'Add a tax rate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a tax rate' });
  await dialog.getByRole('combobox', { name: 'Country' }).selectOption('IS');
  await dialog.getByRole('textbox', { name: 'Rate (%)' }).fill('24.125');
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Rate (%)' })).toHaveAccessibleDescription(
    /A rate has at most 2 decimals\./,
  );
  await dialog.screenshot({ path: testInfo.outputPath('dtc-tax-rate-dialog.png') });
  await dialog.getByRole('textbox', { name: 'Rate (%)' }).fill('24');
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog).toBeHidden();
  const iceland = taxes.getByRole('row', { name: /Iceland/ });
  await expect(iceland).toContainText('24%');
  // A country with a rate is changed from its row, not added again.
  await taxes.getByRole('button', { name: 'Add a tax rate' }).click();
  await expect(dialog.getByRole('option', { name: 'Iceland' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await taxes.getByRole('button', { name: 'Change the tax rate of Iceland' }).click();
  const change = page.getByRole('dialog', { name: 'Change the tax rate of Iceland' });
  await expect(change.getByRole('textbox', { name: 'Rate (%)' })).toHaveValue('24');
  await change.getByRole('textbox', { name: 'Rate (%)' }).fill('11,5');
  await change.getByRole('button', { name: 'Save rate' }).click();
  await expect(iceland).toContainText('11.5%');

  // A market's retail prices: the switch says whether they include tax.
  const markets = group.getByRole('region', { name: 'Markets' });
  const japan = markets.getByRole('row', { name: /Japan/ });
  await expect(japan).toContainText('JPY');
  const includes = japan.getByRole('switch', { name: 'Retail prices include tax in Japan' });
  await expect(includes).toBeChecked();
  await includes.click();
  await expect(markets.getByRole('status')).toHaveText('Tax is added to retail prices in Japan.');
  await expect(includes).not.toBeChecked();
  await markets.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: testInfo.outputPath('dtc-tax-settings.png') });

  // The same cards in Japanese.
  const ja = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await ja.setViewportSize({ width: 1280, height: 900 });
  await ja.goto(shell.url);
  await ja.getByRole('navigation').getByRole('button', { name: '設定' }).click();
  const jaLink = ja.getByRole('form', { name: 'D2Cチェックアウトリンク' });
  await jaLink
    .getByRole('textbox', { name: 'payment_link' })
    .fill('https://nordlys.example/%hash%');
  await jaLink.getByRole('button', { name: '保存' }).click();
  await expect(jaLink.getByRole('textbox', { name: 'payment_link' })).toHaveAccessibleDescription(
    /バスケットの位置に%basket%を入れてください。/,
  );
  await jaLink.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await ja.screenshot({ path: testInfo.outputPath('dtc-link-template-ja.png') });
  const jaTaxes = ja.getByRole('region', { name: '税率' });
  await expect(jaTaxes.getByRole('row', { name: /アイスランド/ })).toContainText('11.5%');
  await jaTaxes.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await ja.screenshot({ path: testInfo.outputPath('dtc-tax-settings-ja.png') });
  await ja.context().close();

  // Put back what the shared shell started with.
  await includes.click();
  await expect(includes).toBeChecked();
  await taxes.getByRole('button', { name: 'Remove the tax rate of Iceland' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the tax rate of Iceland?' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(iceland).toHaveCount(0);
  await field.fill('');
  await expect(
    link.getByText('A link leads to Trunkshow’s own checkout page, like this:'),
  ).toBeVisible();
  await link.getByRole('button', { name: 'Save' }).click();
  await expect(link.getByRole('status')).toHaveText(/Trunkshow’s own checkout page/);
});
