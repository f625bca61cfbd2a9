import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { expect, test } from './shell.ts';

const SMTP = { user: 'hub@mail.example', password: 'right-password-42' };
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  smtp = await startSmtpServer(SMTP);
});
test.afterAll(async () => {
  await smtp.stop();
});

test('an admin sets the hub’s mail server; a wrong password is named, the right one sends the test email', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const card = page.getByRole('form', { name: 'Email' });
  await expect(card).toBeVisible();

  // Problems at their fields, nothing sent to the hub. (The shell is shared with other
  // files, which may have given the hub a mail server already.)
  await card.getByRole('textbox', { name: 'SMTP server' }).fill('');
  await card.getByRole('textbox', { name: 'Port' }).fill('0');
  await card.getByRole('textbox', { name: 'Send as' }).fill('not an address');
  await card.getByRole('button', { name: 'Save email settings' }).click();
  await expect(card.getByText('A port is a whole number from 1 to 65535')).toBeVisible();
  await expect(card.getByText('Type an email address, like orders@brand.com')).toBeVisible();
  await expect(card.getByText('Type the mail server’s name, like smtp.example.com')).toBeVisible();

  await card.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1');
  await card.getByRole('combobox', { name: 'Security' }).selectOption('none');
  await card.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
  await card.getByRole('textbox', { name: 'User name' }).fill(SMTP.user);
  await card.getByLabel('Password').fill('wrong-password');
  await card.getByRole('textbox', { name: 'Send as' }).fill('orders@nordlys.example');
  await card.getByRole('button', { name: 'Save email settings' }).click();
  await expect(card.getByText(/Saved on the hub/)).toBeVisible();
  await expect(card.getByText('A password is set. Leave this empty to keep it.')).toBeVisible();
  await expect(card.getByLabel('Password')).toHaveValue('');

  await card.getByRole('textbox', { name: 'Send a test email to' }).fill('maja@nordlys.example');
  await card.getByRole('button', { name: 'Send test email' }).click();
  await expect(
    card.getByRole('alert').getByText('The mail server refused the user name or password.'),
  ).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath('email-settings-en.png') });

  await card.getByLabel('Password').fill(SMTP.password);
  await card.getByRole('button', { name: 'Save email settings' }).click();
  await expect(card.getByText(/Saved on the hub/)).toBeVisible();
  await card.getByRole('button', { name: 'Send test email' }).click();
  await expect(
    card.getByText('Test email sent to maja@nordlys.example.', { exact: false }),
  ).toBeVisible();
  expect(smtp.received.map((mail) => mail.subject)).toEqual(['Trunkshow test email']);
  expect(await page.content()).not.toContain(SMTP.password);

  // The same card in Japanese, after a failed test.
  const context = await browser.newContext({ locale: 'ja-JP' });
  const ja = await context.newPage();
  await ja.setViewportSize({ width: 1280, height: 900 });
  await ja.goto(shell.url);
  await ja.getByRole('navigation').getByRole('button', { name: '設定' }).click();
  const jaCard = ja.getByRole('form', { name: 'メール' });
  await jaCard.getByLabel('パスワード').fill('wrong-again');
  await jaCard.getByRole('button', { name: 'メール設定を保存' }).click();
  await jaCard.getByRole('textbox', { name: 'テストメールの送信先' }).fill('maja@nordlys.example');
  await jaCard.getByRole('button', { name: 'テストメールを送信' }).click();
  await expect(
    jaCard
      .getByRole('alert')
      .getByText('メールサーバーがユーザー名またはパスワードを拒否しました。'),
  ).toBeVisible();
  await jaCard.screenshot({ path: testInfo.outputPath('email-settings-ja.png') });
  await context.close();
});
