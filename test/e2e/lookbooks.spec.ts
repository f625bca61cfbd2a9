import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, signInAsDemo, styleNumbersOf, test } from './shell.ts';

/**
 * An admin uploads a picture and builds a two-page lookbook with captions and linked
 * styles, makes it Public and sees it listed; a PDF named as a picture and a picture
 * too large are each refused at the field, nothing uploaded. A rep opens lookbooks but
 * cannot change them.
 */

test.describe.configure({ mode: 'serial' });

const PICTURE = readFileSync(new URL('../../resources/icons/256x256.png', import.meta.url));
const NAME = `Resort Stories ${Date.now().toString(36)}`;

const pageOf = (dialog: Locator, number: number) =>
  dialog
    .getByRole('listitem')
    .filter({ has: dialog.page().getByRole('heading', { name: `Page ${number}` }) });

async function linkStyle(dialog: Locator, number: number, styleNumber: string) {
  const entry = dialog.getByRole('textbox', {
    name: `Link a style to page ${number} by style number or name`,
  });
  await entry.fill(styleNumber);
  await entry.press('Enter');
  await expect(dialog.getByRole('list', { name: `Styles linked to page ${number}` })).toContainText(
    styleNumber,
  );
}

test('an admin uploads a picture and builds a Public two-page lookbook', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Lookbooks' })
    .click();
  const section = page.getByRole('region', { name: 'Lookbooks' });
  const table = section.getByRole('table', { name: 'Lookbooks' });
  await expect(table.getByRole('row', { name: /SS27 Lookbook/ })).toContainText('Public');
  await page.screenshot({ path: testInfo.outputPath('lookbooks.png') });
  const [first, second, third] = (await styleNumbersOf(page, 3)) as [string, string, string];

  await section.getByRole('button', { name: 'New lookbook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lookbook' });
  await dialog.getByRole('button', { name: 'Save lookbook' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
    'Give the lookbook a name.',
  );
  await expect(dialog.getByRole('alert')).toContainText('Add at least one page.');

  await dialog.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await dialog.getByRole('button', { name: 'Add a page' }).click();
  const one = pageOf(dialog, 1);
  const picture = one.getByRole('group', { name: 'Picture of page 1' });

  // A PDF named as a picture is still a PDF; a picture past the limit is too large.
  await picture.getByLabel('Upload a picture').setInputFiles({
    name: 'look.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('%PDF-1.7\n%\u00e2\u00e3 not a picture at all'),
  });
  await expect(picture).toHaveAccessibleDescription(
    'This file is not a JPEG, PNG or WebP picture.',
  );
  const huge = Buffer.alloc(10 * 1024 * 1024 + 1);
  huge.set([0xff, 0xd8, 0xff, 0xe0]);
  await picture.getByLabel('Upload a picture').setInputFiles({
    name: 'huge.jpg',
    mimeType: 'image/jpeg',
    buffer: huge,
  });
  await expect(picture).toHaveAccessibleDescription(
    'This file is larger than 10 MB. Choose a smaller one.',
  );
  await expect(picture).toContainText('No picture chosen.');
  await page.screenshot({ path: testInfo.outputPath('lookbook-upload-refused.png') });

  await picture.getByLabel('Upload a picture').setInputFiles({
    name: 'linen-at-dusk.png',
    mimeType: 'image/png',
    buffer: PICTURE,
  });
  await expect(
    picture.getByRole('img', { name: 'Chosen picture: linen-at-dusk.png' }),
  ).toBeVisible();
  await expect(picture).not.toHaveAccessibleDescription(/./);
  await one.getByRole('textbox', { name: 'Caption of page 1' }).fill('Linen at dusk');
  await linkStyle(dialog, 1, first);
  await linkStyle(dialog, 1, second);

  // Page 2 takes the uploaded picture again, from those uploaded before.
  await dialog.getByRole('button', { name: 'Add a page' }).click();
  const two = pageOf(dialog, 2);
  await two.getByRole('button', { name: 'Choose an uploaded picture' }).click();
  await page.screenshot({ path: testInfo.outputPath('media-picker-library.png') });
  await two.getByRole('button', { name: /linen-at-dusk\.png/ }).click();
  await expect(two.getByRole('img', { name: 'Chosen picture: linen-at-dusk.png' })).toBeVisible();
  await two.getByRole('textbox', { name: 'Caption of page 2' }).fill('Morning swim');
  await linkStyle(dialog, 2, third);
  await dialog.getByRole('radio', { name: 'Public' }).check();
  await page.screenshot({ path: testInfo.outputPath('lookbook-dialog.png'), fullPage: true });
  await dialog
    .getByRole('dialog')
    .or(dialog)
    .screenshot({
      path: testInfo.outputPath('lookbook-dialog-body.png'),
    });

  await dialog.getByRole('button', { name: 'Save lookbook' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(`${NAME} was saved.`);
  const row = table.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText('Public');
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  await expect(row.getByRole('cell').nth(3)).toHaveText('3');
  await expect(row).not.toContainText('Waiting to sync');
  await page.screenshot({ path: testInfo.outputPath('lookbooks-saved.png') });

  // Opened again: the pages in order; moving the second up turns them round.
  await section.getByRole('button', { name: `Edit ${NAME}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${NAME}` });
  await expect(edit.getByRole('textbox', { name: 'Caption of page 1' })).toHaveValue(
    'Linen at dusk',
  );
  await expect(edit.getByRole('radio', { name: 'Public' })).toBeChecked();
  await edit.getByRole('button', { name: 'Move page 2 up' }).click();
  await expect(edit.getByRole('textbox', { name: 'Caption of page 1' })).toHaveValue(
    'Morning swim',
  );
  await expect(edit.getByRole('list', { name: 'Styles linked to page 2' })).toContainText(second);
  await edit.getByRole('button', { name: 'Save lookbook' }).click();
  await expect(edit).toBeHidden();
  await section.getByRole('button', { name: `Edit ${NAME}` }).click();
  await expect(
    page
      .getByRole('dialog', { name: `Edit ${NAME}` })
      .getByRole('textbox', { name: 'Caption of page 1' }),
  ).toHaveValue('Morning swim');
  await page
    .getByRole('dialog', { name: `Edit ${NAME}` })
    .getByRole('button', { name: 'Cancel' })
    .click();
});

test('the Lookbooks section in Japanese', async ({ browser, shell }, testInfo) => {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'ルックブック' })
    .click();
  const section = page.getByRole('region', { name: 'ルックブック', exact: true });
  await expect(section.getByRole('row', { name: new RegExp(NAME) })).toContainText('公開');
  await section.getByRole('button', { name: '新しいルックブック' }).click();
  const dialog = page.getByRole('dialog', { name: '新しいルックブック' });
  await dialog.getByRole('button', { name: 'ページを追加' }).click();
  await dialog.getByLabel('写真をアップロード').setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('just words'),
  });
  await expect(dialog.getByRole('group', { name: '1 ページの写真' })).toHaveAccessibleDescription(
    'このファイルは JPEG、PNG、WebP の写真ではありません。',
  );
  await dialog.getByRole('button', { name: 'ルックブックを保存' }).click();
  await expect(
    dialog.getByRole('textbox', { name: '名前', exact: true }),
  ).toHaveAccessibleDescription('ルックブックの名前を入力してください。');
  await page.screenshot({ path: testInfo.outputPath('lookbook-dialog-ja.png'), fullPage: true });
  await page.close();
});

test('a rep opens lookbooks but cannot change them', async ({ page, shell }, testInfo) => {
  const signInAs = async (from: string, to: string) => {
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAsDemo(page, to);
  };
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await signInAs('Maja Lindqvist Admin', 'Jonas Berg');
  try {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Lookbooks' })
      .click();
    const section = page.getByRole('region', { name: 'Lookbooks' });
    await expect(section.getByRole('button', { name: 'New lookbook' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: `Remove ${NAME}` })).toHaveCount(0);
    await section.getByRole('button', { name: `Open ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: NAME });
    await expect(dialog.getByRole('textbox', { name: 'Caption of page 1' })).toBeDisabled();
    await expect(dialog.getByLabel('Upload a picture')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Save lookbook' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('lookbook-rep.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
  } finally {
    // The shell is the worker's: the next test file expects its admin signed in.
    await signInAs('Jonas Berg Sales rep', 'Maja Lindqvist');
  }
});
