import { expect, test } from '@playwright/test';
import { startBrowserShell, type BrowserShell } from './shell.ts';

let shell: BrowserShell;
test.beforeAll(async () => {
  shell = await startBrowserShell({ demoStyles: 20 });
});
test.afterAll(async () => {
  await shell.stop();
});

test('a refusal reaches a Japanese showroom in Japanese, never in the main side’s English', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Maja Lindqvist を使う' }).click();
  await page.getByRole('textbox', { name: 'パスワード' }).fill('not-the-password');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'メールアドレスまたはパスワードが正しくないか、このコンピュータで再度サインインが必要です。',
  );
  await expect(page.getByText(/not right/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('sign-in-refused-ja.png') });
  await context.close();
});
