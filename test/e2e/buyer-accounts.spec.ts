import type { Page } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { giveHubMailServer } from './hub-mail.ts';
import { expectAccessible } from './share-pages.ts';
import { expect, test } from './shell.ts';

/**
 * Buyer user accounts for a real brand: the admin invites a person from the buyer's
 * dialog, the hub mails a one-time link, and the person sets a password on their phone
 * and is logged in; the link does not work a second time.
 */
const SMTP = { user: 'hub@mail.example', password: 'invite-e2e-password-5' };
const EMAIL = 'sofia@boutique.example';
let smtp: TestSmtpServer;

// The hub sends mail through the test's SMTP server.
test.beforeAll(async ({ shell, browser }) => {
  smtp = await startSmtpServer(SMTP);
  const page = await browser.newPage();
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await giveHubMailServer(page, smtp, SMTP);
  await page.close();
});
test.afterAll(async () => {
  await smtp.stop();
});

const openFirstBuyer = (page: Page, list = 'Buyers') =>
  page.getByRole('list', { name: list }).getByRole('listitem').first().getByRole('button').click();

const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((group) =>
    group.value.map((entry) => entry.address),
  );

test('an admin invites a person to a buyer; the person sets a password once and is logged in', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });

  await sections.getByRole('button', { name: 'Buyers' }).click();
  await openFirstBuyer(page);
  const dialog = page.getByRole('dialog', { name: 'Trading terms' });
  const people = dialog.getByRole('region', { name: 'People' });
  await people.getByRole('button', { name: 'Invite a person' }).click();
  const invite = people.getByRole('group', { name: 'Invite a person' });
  await invite.getByRole('textbox', { name: 'Email' }).fill('not an address');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
    'Type the person’s name',
  );
  await expect(invite.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    'Type an email address, like buyer@store.com',
  );
  await people.screenshot({ path: testInfo.outputPath('people-invite-en.png') });
  await invite.getByRole('textbox', { name: 'Name' }).fill('Sofia Marin');
  await invite.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(people.getByRole('status')).toContainText(`Invitation sent to ${EMAIL}`);
  await expect(people.getByRole('listitem').filter({ hasText: 'Sofia Marin' })).toContainText(
    'Invited, expires',
  );
  await people.screenshot({ path: testInfo.outputPath('people-list-en.png') });

  await expect.poll(() => smtp.received.filter((m) => to(m).includes(EMAIL)).length).toBe(1);
  const mail = smtp.received.find((m) => to(m).includes(EMAIL))!;
  const link = /(http\S+\/invite#[\w-]+)/.exec(mail.text ?? '')![1]!;

  // The person, on a phone.
  const phone = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  expect(new URL(phone.url()).hash).toBe('');
  expect(new URL(phone.url()).pathname).toBe('/invite');
  await expect(phone.getByText(/Maja Lindqvist of .* invited you/)).toBeVisible();
  await phone.getByLabel('New password').fill('short');
  await phone.getByLabel('Type the password again').fill('short');
  await phone.getByRole('button', { name: 'Set password and log in' }).click();
  await expect(phone.getByLabel('New password')).toHaveAccessibleDescription(
    'Use at least 10 characters.',
  );
  await phone.getByLabel('New password').fill('a long enough password');
  await phone.getByRole('button', { name: 'Set password and log in' }).click();
  await expect(phone.getByLabel('Type the password again')).toHaveAccessibleDescription(
    'The two passwords are not the same.',
  );
  await phone.screenshot({ path: testInfo.outputPath('set-password-375.png'), fullPage: true });
  await expectAccessible(phone);
  await phone.getByLabel('Type the password again').fill('a long enough password');
  await phone.getByRole('button', { name: 'Set password and log in' }).click();
  await expect(phone).toHaveURL(/\/selections$/);
  await expect(phone.getByRole('heading', { name: 'Your selections' })).toBeVisible();

  // From now on the person logs in with the email and that password.
  await phone.getByRole('button', { name: 'Log out' }).click();
  await expect(phone).toHaveURL(/\/login$/);
  await phone.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
  await phone.getByLabel('Password').fill('a long enough password');
  await phone.getByRole('button', { name: 'Log in' }).click();
  await expect(phone.getByRole('heading', { name: 'Your selections' })).toBeVisible();

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(
    again.getByText('This invitation link no longer works. Ask the brand to send a new one.'),
  ).toBeVisible();

  // The desktop lists the person as active; the brand removes them.
  await dialog.getByRole('button', { name: 'Cancel' }).first().click();
  await openFirstBuyer(page);
  const member = people.getByRole('listitem').filter({ hasText: 'Sofia Marin' });
  await expect(member).toContainText('Active');
  await people.getByRole('button', { name: 'Remove Sofia Marin from this buyer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Sofia Marin?' });
  await confirm.screenshot({ path: testInfo.outputPath('people-remove-confirm-en.png') });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(member).toBeHidden();
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
});

test('the same in Japanese: the People section and the set-password page', async ({
  shell,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'バイヤー' })
    .click();
  await openFirstBuyer(page, 'バイヤー一覧');
  const people = page.getByRole('dialog', { name: '取引条件' }).getByRole('region', {
    name: 'ユーザー',
  });
  await people.getByRole('button', { name: 'ユーザーを招待' }).click();
  const invite = people.getByRole('group', { name: 'ユーザーを招待' });
  await invite.getByRole('textbox', { name: '名前' }).fill('山田 花子');
  await invite.getByRole('textbox', { name: 'メールアドレス' }).fill('hanako@boutique.example');
  await invite.getByRole('button', { name: '招待を送信' }).click();
  await expect(people.getByRole('status')).toContainText(
    'hanako@boutique.example に招待を送りました',
  );
  await expect(people.getByRole('listitem').filter({ hasText: '山田 花子' })).toContainText(
    '招待中',
  );
  await people.screenshot({ path: testInfo.outputPath('people-list-ja.png') });

  await expect
    .poll(() => smtp.received.filter((m) => to(m).includes('hanako@boutique.example')).length)
    .toBe(1);
  const mail = smtp.received.find((m) => to(m).includes('hanako@boutique.example'))!;
  const link = /(http\S+\/invite#[\w-]+)/.exec(mail.text ?? '')![1]!;
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: 'パスワードを設定' })).toBeVisible();
  await phone.getByLabel('新しいパスワード').fill('みじかい');
  await phone.getByRole('button', { name: 'パスワードを設定してログイン' }).click();
  await expect(phone.getByLabel('新しいパスワード')).toHaveAccessibleDescription(
    '10 文字以上にしてください。',
  );
  await phone.screenshot({ path: testInfo.outputPath('set-password-375-ja.png'), fullPage: true });
  await expectAccessible(phone);

  await phone.goto(`${new URL(link).origin}/invite#not-a-real-token`);
  await expect(phone.getByRole('heading', { name: 'このリンクは使えません' })).toBeVisible();
});
