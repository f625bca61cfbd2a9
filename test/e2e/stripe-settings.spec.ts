import { expect, test } from './shell.ts';

/**
 * An admin switches on "Stripe Credit Card Payment (Paid Feature)" under "Payment
 * Feature" in Settings with the brand's Stripe keys: each key is judged at its field,
 * the keys are never shown again, and the customer order link form offers "Stripe
 * Credit Card Payment" while the add-on is on (and not once it is off).
 */

const SECRET_KEY = 'sk_test_51NordlysE2eKeyAbCdEf0123456789';
const WEBHOOK_SECRET = 'whsec_NordlysE2eSigningSecret0123456789';

test('an admin sets up Stripe Credit Card Payment; link forms offer the card only while it is on', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Settings' }).click();
  const group = page.getByRole('region', { name: 'Payment Feature' });
  const card = group.getByRole('form', { name: 'Stripe Credit Card Payment (Paid Feature)' });
  await expect(card).toBeVisible();
  const secretKey = card.getByLabel('Secret key', { exact: true });
  const webhookSecret = card.getByLabel('Webhook signing secret', { exact: true });
  const offer = card.getByRole('checkbox', {
    name: 'Offer Stripe Credit Card Payment in catalogs and customer order links',
  });
  const save = card.getByRole('button', { name: 'Save Stripe settings' });

  // Switched on without keys, then with a publishable key: said at each field.
  await offer.check();
  await save.click();
  await expect(card.getByText('Needed to offer card payment')).toHaveCount(2);
  await secretKey.fill('pk_test_51NordlysPublishable0123');
  await webhookSecret.fill('signing-secret');
  await save.click();
  await expect(card.getByText('A secret key starts with sk_live_ or sk_test_')).toBeVisible();
  await expect(card.getByText('A signing secret starts with whsec_')).toBeVisible();
  await group.screenshot({ path: testInfo.outputPath('stripe-settings-problems.png') });

  await secretKey.fill(SECRET_KEY);
  await webhookSecret.fill(WEBHOOK_SECRET);
  await save.click();
  await expect(card.getByText('Saved on the hub.')).toBeVisible();
  await expect(card.getByText('Test mode: no card is really charged.')).toBeVisible();
  await expect(card.getByText('A secret key is set. Leave this empty to keep it.')).toBeVisible();
  await expect(secretKey).toHaveValue('');
  await expect(webhookSecret).toHaveValue('');
  expect(await page.content()).not.toContain(SECRET_KEY);
  await card.screenshot({ path: testInfo.outputPath('stripe-settings-en.png') });

  // The switch reaches this desktop by sync: the link form offers the card.
  await sections.getByRole('button', { name: 'Links' }).click();
  const panel = page
    .getByRole('region', { name: 'Links' })
    .getByRole('tabpanel', { name: 'Customer Order Links' });
  await panel.getByRole('button', { name: 'Create a New Link' }).click();
  const form = panel.getByRole('form', { name: 'Create a New Customer Link' });
  await expect(form.getByRole('checkbox', { name: 'Stripe Credit Card Payment' })).toBeVisible();
  await expect(form.getByRole('checkbox', { name: 'Pay outside the app' })).toBeChecked();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The same card in Japanese.
  const context = await browser.newContext({ locale: 'ja-JP' });
  const ja = await context.newPage();
  await ja.setViewportSize({ width: 1280, height: 1000 });
  await ja.goto(shell.url);
  await ja.getByRole('navigation').getByRole('button', { name: '設定' }).click();
  const jaCard = ja
    .getByRole('region', { name: '決済機能' })
    .getByRole('form', { name: 'Stripeクレジットカード決済（有料機能）' });
  await expect(jaCard.getByText('テストモード：実際にはカードに請求されません。')).toBeVisible();
  await jaCard.screenshot({ path: testInfo.outputPath('stripe-settings-ja.png') });
  await context.close();

  // Removed: the keys are forgotten and the card is no longer offered.
  await sections.getByRole('button', { name: 'Settings' }).click();
  await card.getByRole('button', { name: 'Remove Stripe keys' }).click();
  await expect(card.getByText('Stripe keys removed; card payment is off.')).toBeVisible();
  await expect(offer).not.toBeChecked();
  await sections.getByRole('button', { name: 'Links' }).click();
  await panel.getByRole('button', { name: 'Create a New Link' }).click();
  await expect(form.getByRole('checkbox', { name: 'Pay outside the app' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Stripe Credit Card Payment' })).toHaveCount(0);
});
