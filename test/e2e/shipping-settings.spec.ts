import { expect, test } from './shell.ts';

test('an admin adds a shipping rate group: a wrong amount is said at its field, then it saves, becomes the default and is removed', async ({
  page,
  shell,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const card = page.getByRole('region', { name: 'Shipping rate groups' });
  // The demo brand ships Standard by default and offers Express.
  await expect(card.getByRole('heading', { name: 'Standard' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Express' })).toBeVisible();
  await expect(card.getByRole('combobox', { name: 'Default group' })).toHaveValue(
    'demo-shipping-standard',
  );

  await card.getByRole('button', { name: 'Add a group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New shipping rate group' });
  const rate = dialog.getByRole('group', { name: 'Rate 1' });
  // Nothing typed, and an amount with more decimals than the krona has: each at its field.
  await rate.getByRole('textbox', { name: 'Currency' }).fill('SEK');
  await rate.getByRole('textbox', { name: 'Amount' }).fill('12.345');
  await dialog.getByRole('button', { name: 'Save group' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
    'Name the group.',
  );
  await expect(rate.getByRole('combobox', { name: 'Country' })).toHaveAccessibleDescription(
    'Choose a country.',
  );
  await expect(rate.getByRole('textbox', { name: 'Amount' })).toHaveAccessibleDescription(
    'Type an amount such as 12.50.',
  );
  await page.screenshot({ path: testInfo.outputPath('shipping-group-errors.png') });

  await dialog.getByRole('textbox', { name: 'Name' }).fill('Freight');
  await rate.getByRole('combobox', { name: 'Country' }).selectOption('SE');
  await rate.getByRole('textbox', { name: 'Amount' }).fill('120');
  await rate.getByRole('textbox', { name: 'Free from (optional)' }).fill('5000.50');
  await dialog.getByRole('button', { name: 'Add a rate' }).click();
  const second = dialog.getByRole('group', { name: 'Rate 2' });
  await expect(second.getByRole('textbox', { name: 'Currency' })).toHaveValue('SEK');
  await second.getByRole('combobox', { name: 'Country' }).selectOption('SE');
  await second.getByRole('textbox', { name: 'Amount' }).fill('90');
  await dialog.getByRole('button', { name: 'Save group' }).click();
  await expect(second.getByRole('combobox', { name: 'Country' })).toHaveAccessibleDescription(
    'This group already has a rate for Sweden in SEK.',
  );
  await second.getByRole('button', { name: 'Remove rate 2' }).click();
  await dialog.getByRole('button', { name: 'Save group' }).click();
  await expect(dialog).toBeHidden();

  const freight = card.getByRole('table', { name: 'Rates of Freight' });
  await expect(freight.getByRole('row').nth(1)).toContainText('Sweden');
  await expect(freight.getByRole('row').nth(1)).toContainText('SEK');
  await card.getByRole('combobox', { name: 'Default group' }).selectOption({ label: 'Freight' });
  await expect(card.getByRole('status')).toHaveText(/Saved/);
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath('shipping-settings.png') });

  await card.getByRole('button', { name: 'Remove Freight' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Freight?' });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(card.getByRole('heading', { name: 'Freight' })).toHaveCount(0);
  await expect(card.getByRole('combobox', { name: 'Default group' })).toHaveValue('');
});
