import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { importCsv, startBrowserShell, type BrowserShell } from './shell.ts';

const examples = join(import.meta.dirname, '..', '..', 'resources', 'csv-examples');

const test = base.extend<object, { emptyShell: BrowserShell }>({
  emptyShell: [
    async ({}, use) => {
      const shell = await startBrowserShell({ demoStyles: null });
      await use(shell);
      await shell.stop();
    },
    { scope: 'worker' },
  ],
});

test('a new brand is set up, then imports its catalog from CSV files and sees problems by line and column', async ({
  page,
  emptyShell,
}) => {
  await page.goto(emptyShell.url);
  await expect(page.getByRole('heading', { name: 'Set up your brand' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Brand name' }).fill('Maison Kaori');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Kaori Mori');
  await page.getByRole('textbox', { name: 'Email' }).fill('kaori@maison-kaori.example');
  await page.getByRole('textbox', { name: 'Password' }).fill('short');
  await page.getByRole('button', { name: 'Set up brand' }).click();
  await expect(page.getByText('Use at least 10 characters for the password').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Password' }).fill('a long enough secret');
  await page.getByRole('button', { name: 'Set up brand' }).click();
  await expect(page.getByRole('button', { name: /^Sync status: Online/ })).toBeVisible();
  await expect(page.getByText('No styles yet. Import a catalog CSV to get started.')).toBeVisible();

  await importCsv(page, {
    name: 'broken-prices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'pricelist,currency,barcode,wholesale,retail\nEurope EUR,EUR,4006381333931,"12,5",30.00\n',
    ),
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Not imported')).toBeVisible();
  await expect(dialog.getByText(/Line 2, column wholesale/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No styles yet. Import a catalog CSV to get started.')).toBeVisible();

  await importCsv(page, [
    join(examples, 'stock.csv'),
    join(examples, 'prices.csv'),
    join(examples, 'products.csv'),
  ]);
  await expect(dialog.getByText('Imported')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
});
