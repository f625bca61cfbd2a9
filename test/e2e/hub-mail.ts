import { expect, type Page } from '@playwright/test';
import type { TestSmtpServer } from '../support/smtp-server.ts';

/** An admin gives the hub a test's SMTP server in Settings › Email, as the page is open there. */
export async function giveHubMailServer(
  page: Page,
  smtp: TestSmtpServer,
  account: { user: string; password: string },
): Promise<void> {
  const card = page.getByRole('form', { name: 'Email' });
  await card.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1');
  await card.getByRole('combobox', { name: 'Security' }).selectOption('none');
  await card.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
  await card.getByRole('textbox', { name: 'User name' }).fill(account.user);
  await card.getByLabel('Password').fill(account.password);
  await card.getByRole('textbox', { name: 'Send as' }).fill('orders@nordlys.example');
  await card.getByRole('button', { name: 'Save email settings' }).click();
  await expect(card.getByText(/Saved on the hub/)).toBeVisible();
}
