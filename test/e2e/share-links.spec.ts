import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from './shell.ts';
import {
  EXPIRED,
  expectAccessible,
  generateLink,
  newSelectionWithTwoUnits,
  openShareModal,
  SHARING_OFF,
  SHARING_WARNING,
  tabTo,
  visitUntil,
} from './share-pages.ts';

test('an admin enables share links; a rep generates one; a buyer opens it, the token leaves the address bar', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });

  // Off by default: the modal says so and offers the ordinary address.
  await newSelectionWithTwoUnits(page, 'Shared at the booth');
  let modal = await openShareModal(page);
  await expect(modal.getByText(SHARING_OFF, { exact: true })).toBeVisible();
  await expect(modal.getByRole('textbox', { name: 'Link address' })).toHaveValue(/\/selections\//);
  await modal.getByRole('button', { name: 'Close' }).last().click();

  // The admin enables them; the warning shows; a bad number of days is refused at the field.
  await sections.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Enabled' }).check();
  await expect(page.getByText(SHARING_WARNING, { exact: true })).toBeVisible();
  const days = page.getByRole('textbox', { name: 'Share links expire in days' });
  await expect(days).toHaveValue('14');
  await days.fill('400');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('A link stays valid at most 366 days')).toBeVisible();
  await days.fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Saved on this computer/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('settings.png') });

  await sections.getByRole('button', { name: 'Selections' }).click();
  await page.getByRole('list', { name: 'Selections' }).getByText('Shared at the booth').click();
  modal = await openShareModal(page);
  await expect(modal).toContainText('It expires after 10 days.');
  const url = await generateLink(modal);
  await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await modal.getByRole('button', { name: 'Copy link' }).click();
  await expect(modal.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(modal.getByRole('link', { name: 'Email' })).toHaveAttribute(
    'href',
    `mailto:?subject=${encodeURIComponent('Shared at the booth')}&body=${encodeURIComponent(url)}`,
  );
  await expect(modal.getByRole('table')).toContainText('Maja Lindqvist');
  await expect(modal.getByRole('table')).toContainText(/Live|Waiting to sync/);
  await page.screenshot({ path: testInfo.outputPath('share-modal.png') });

  // The buyer, on a phone.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const buyer = await phone.newPage();
  await visitUntil(buyer, 'Shared at the booth', () => buyer.goto(url));
  expect(new URL(buyer.url()).pathname).toBe('/shared');
  const linkPage = await phone.request.get(url);
  const headers = linkPage.headers();
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toContain('noindex');
  expect(headers['cache-control']).toBe('no-store');
  await expect(buyer.getByText(/2 units/)).toBeVisible();
  await expect(buyer.getByRole('button', { name: /share/i })).toHaveCount(0);
  await buyer.screenshot({ path: testInfo.outputPath('buyer-shared.png'), fullPage: true });
  await expectAccessible(buyer);
  await buyer.reload();
  await expect(buyer.getByRole('heading', { name: 'Shared at the booth' })).toBeVisible();

  // Request Checkout, with the keyboard alone: an order the rep completes in Orders.
  await tabTo(buyer, buyer.getByRole('textbox', { name: 'Your name' }));
  await buyer.keyboard.type('Aiko Buyer');
  await buyer.keyboard.press('Tab');
  await buyer.keyboard.type('aiko@shop.example');
  await tabTo(buyer, buyer.getByRole('textbox', { name: 'Note for the brand (optional)' }));
  await buyer.keyboard.type('Deliver in March');
  await tabTo(buyer, buyer.getByRole('button', { name: 'Request Checkout' }));
  await buyer.keyboard.press('Enter');
  await expect(buyer.getByRole('heading', { name: 'Checkout Requested' })).toBeFocused();
  await modal.getByRole('button', { name: 'Close' }).last().click();
  await sections.getByRole('button', { name: 'Orders' }).click();
  const order = page.getByRole('row').filter({ hasText: 'Aiko Buyer' });
  await expect(order).toContainText('Checkout Requested', { timeout: 20_000 });
  await expect(order).toContainText('Deliver in March');
  await page.screenshot({ path: testInfo.outputPath('orders.png') });
  // Completing asks what the request lacks: where it ships and at which rate.
  await order.getByRole('button', { name: 'Complete checkout' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete checkout' });
  await complete.getByRole('radio', { name: 'Another address…' }).check();
  await complete.getByRole('textbox', { name: 'Name' }).fill('Aiko Buyer');
  await complete.getByRole('textbox', { name: 'Address line 1' }).fill('1 Main Street');
  await complete.getByRole('textbox', { name: 'City' }).fill('Town');
  // A country the brand ships to in the order's currency (the buyer's pricelist's).
  const total = (await order.getByRole('cell').last().textContent()) ?? '';
  const country = total.includes('€')
    ? 'Germany'
    : total.includes('¥')
      ? 'Japan'
      : total.includes('$')
        ? 'United States'
        : 'Sweden';
  await complete.getByRole('combobox', { name: 'Country' }).selectOption({ label: country });
  await expect(complete.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('complete-checkout.png') });
  await complete.getByRole('button', { name: 'Complete checkout' }).click();
  await expect(complete).toHaveCount(0);
  await expect(order).toContainText('Order');
  await expect(order.getByRole('button', { name: 'Complete checkout' })).toHaveCount(0);

  // The address bar copied into another browser opens nothing.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(buyer.url());
  await expect(elsewhere.getByRole('heading', { name: EXPIRED, exact: true })).toBeVisible();
  await expect(elsewhere.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
  await expectAccessible(elsewhere);

  // Revoked: the buyer's tab gets the same message.
  await sections.getByRole('button', { name: 'Selections' }).click();
  await page.getByRole('list', { name: 'Selections' }).getByText('Shared at the booth').click();
  modal = await openShareModal(page);
  await expect(modal.getByRole('table')).toContainText(/[2-9] times, last/);
  await modal.getByRole('button', { name: 'Revoke' }).first().click();
  await expect(modal.getByRole('table')).toContainText('Revoked');
  await visitUntil(buyer, EXPIRED, () => buyer.reload());
  await phone.close();
  await modal.getByRole('button', { name: 'Close' }).last().click();

  // API Logs: generated (with selection and expiry), opened, revoked; never the token.
  await sections.getByRole('button', { name: 'API Logs' }).click();
  const log = page.getByRole('table');
  const generatedRow = log.getByRole('row').filter({ hasText: 'Share link generated' });
  await expect(generatedRow).toContainText('Shared at the booth', { timeout: 20_000 });
  await expect(generatedRow).toContainText('Maja Lindqvist');
  await expect(generatedRow).toContainText(/Dec \d+, 2026/);
  await expect(log.getByRole('row').filter({ hasText: 'Share link opened' }).first()).toContainText(
    'Anonymous buyer',
  );
  await expect(log.getByRole('row').filter({ hasText: 'Share link revoked' })).toHaveCount(1);
  await expect(log).not.toContainText(url.split('/s/')[1]!);
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Orders' });
  await expect(log.getByRole('row').filter({ hasText: 'Checkout requested' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('api-logs.png') });

  // From the expired page a buyer with an account logs in, keyboard only, and finds the
  // selection among their store's.
  const account = hubAccountOf(shell.dataDir, selectionId(url, shell.dataDir));
  await tabTo(elsewhere, elsewhere.getByRole('link', { name: 'Log in' }));
  await elsewhere.keyboard.press('Enter');
  await expect(elsewhere.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(elsewhere.getByRole('heading', { name: 'Demo buyers' })).toBeVisible();
  await expectAccessible(elsewhere);
  await elsewhere.screenshot({ path: testInfo.outputPath('buyer-login.png'), fullPage: true });
  await tabTo(elsewhere, elsewhere.getByRole('textbox', { name: 'Email' }));
  await elsewhere.keyboard.type(account.email);
  await elsewhere.keyboard.press('Tab');
  await elsewhere.keyboard.type('nordlys-showroom');
  await elsewhere.keyboard.press('Enter');
  await expect(elsewhere.getByRole('heading', { name: 'Your selections' })).toBeVisible();
  await expectAccessible(elsewhere);
  await tabTo(elsewhere, elsewhere.getByRole('link', { name: /Shared at the booth/ }));
  await elsewhere.keyboard.press('Enter');
  await expect(elsewhere.getByRole('heading', { name: 'Shared at the booth' })).toBeVisible();
  await expect(elsewhere.locator('img.shared__picture').first()).toHaveJSProperty('complete', true);
  expect(
    await elsewhere
      .locator('img.shared__picture')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await elsewhere.screenshot({ path: testInfo.outputPath('buyer-account.png'), fullPage: true });
  await tabTo(elsewhere, elsewhere.getByRole('button', { name: 'Log out' }));
  await elsewhere.keyboard.press('Enter');
  await expect(elsewhere.getByRole('heading', { name: 'Log in' })).toBeVisible();

  // The ordinary address asks for the login first, then shows the selection.
  const store = await (await browser.newContext()).newPage();
  await store.goto(`${new URL(url).origin}/selections/${account.selectionId}`);
  await expect(store.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await store.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await store.getByLabel('Password').fill('nordlys-showroom');
  await store.getByRole('button', { name: 'Log in' }).click();
  await expect(store.getByRole('heading', { name: 'Shared at the booth' })).toBeVisible();
  expect(new URL(store.url()).pathname).toBe(`/selections/${account.selectionId}`);
  await expectAccessible(store);
});

/** The selection a link opened, as the hub recorded it. */
function selectionId(url: string, dataDir: string): string {
  const db = new BetterSqlite3(join(dataDir, 'hub', 'hub.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare('select selection_id from share_links order by created_at desc limit 1')
      .get() as { selection_id: string };
    expect(url).toMatch(/\/s\//);
    return row.selection_id;
  } finally {
    db.close();
  }
}

/** A buyer person with a password who belongs to the selection's buyer, from the hub. */
function hubAccountOf(dataDir: string, selectionId: string) {
  const db = new BetterSqlite3(join(dataDir, 'hub', 'hub.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare(
        `select u.email from selections s join buyer_memberships m on m.buyer_id = s.buyer_id
         join buyer_users u on u.id = m.buyer_user_id
         where s.id = ? and u.password_hash is not null limit 1`,
      )
      .get(selectionId) as { email: string } | undefined;
    if (!row) throw new Error('The first buyer has no demo login');
    return { email: row.email, selectionId };
  } finally {
    db.close();
  }
}
