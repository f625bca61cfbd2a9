import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords } from '../../main/hub/auth/passwords.ts';
import { setOfflineLogIn } from '../../main/hub/buyer-credentials.ts';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { hubDb, openStore } from '../../main/store/database.ts';
import { insertCustomerOrderLink, personOfSeveralBuyers } from '../support/customer-order-link.ts';
import { readHubStore, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { takeCardsThroughStandIn } from '../support/card-payments.ts';
import type { StripeStandIn } from '../support/stripe-stand-in.ts';
import { expectAccessible } from './share-pages.ts';

/**
 * A customer order link on a buyer's phone: the passcode first (a wrong one says only
 * that it is wrong), then the log-in's three methods, a person of two buyers picks one,
 * and the link's catalogs open at that buyer's currency, a Closed catalog named and not
 * shown; a style shows its sizes with what is left. A link not yet released says when
 * it opens; an expired one says so; a view-only one says ordering is off. axe-core finds
 * no serious or critical violation, at 375 and 1280 px, in English and Japanese.
 */

const PASSWORD = 'a long buyer password';
/** A country the demo brand's Standard rates ship to, by currency. */
const countryOf = new Map<string, string>();
const PASSCODE = 'paris-2027';

let dir = '';
let hub: HubProcess;
let stripe: StripeStandIn;
const links = { main: '', scheduled: '', expired: '', viewOnly: '', transition: '' };
const OFFLINE = { email: 'orders@offline-store.example', password: 'offline store password' };
let offlineBuyer = { id: '', name: '' };
let person = { email: '', buyers: [] as { name: string; currency: string }[] };
let closedCatalog = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-customer-link-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: 40, seed: 11, catalogDatesFrom: new Date() });
  const db = hubDb(store.db);
  const catalogs = await db
    .selectFrom('catalogs')
    .select(['id', 'name', 'status'])
    .orderBy('name')
    .execute();
  const open = catalogs.filter((catalog) => catalog.status === 'Open').slice(0, 2);
  const closed = catalogs.find((catalog) => catalog.status === 'Closed')!;
  closedCatalog = closed.name;
  const catalogIds = [...open, closed].map((catalog) => catalog.id);
  const main = await insertCustomerOrderLink(store.db, { passcode: PASSCODE, catalogIds });
  links.main = main.token;
  // The brand takes cards (Stripe's API is the test's stand-in), and this link offers them.
  stripe = await takeCardsThroughStandIn(store.db, dir, () => hub.url);
  const admin = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'name'])
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  const asker = {
    id: 'e2e-setup',
    userId: admin.id,
    role: 'admin' as const,
    user: { ...admin, role: 'admin' as const },
  };
  await db
    .updateTable('customer_order_links')
    .set({ payment_methods: JSON.stringify(['outside_app', 'stripe_card']) })
    .where('id', '=', main.id)
    .execute();
  // An offline buyer the brand set a log-in for, on a link that moves it to its customer.
  offlineBuyer = await db
    .selectFrom('buyers')
    .select(['id', 'name'])
    .where('kind', '=', 'offline')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  await setOfflineLogIn(
    { db: store.db, gate: new HashGate(), passwords: argon2Passwords, clock: () => new Date() },
    asker,
    '127.0.0.1',
    { buyerId: offlineBuyer.id, ...OFFLINE },
  );
  const transition = await insertCustomerOrderLink(store.db, { catalogIds });
  await db
    .updateTable('customer_order_links')
    .set({ offline_buyer_transition: 1 })
    .where('id', '=', transition.id)
    .execute();
  links.transition = transition.token;
  links.viewOnly = (await insertCustomerOrderLink(store.db, { catalogIds, viewOnly: true })).token;
  links.scheduled = (
    await insertCustomerOrderLink(store.db, {
      releaseAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    })
  ).token;
  links.expired = (
    await insertCustomerOrderLink(store.db, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    })
  ).token;
  const { email, buyers } = await personOfSeveralBuyers(store.db, PASSWORD);
  // The pages speak each buyer's language: the first buyer's terms say Japanese, the second's English.
  for (const [index, language] of (['ja', 'en'] as const).entries()) {
    await db.updateTable('buyers').set({ language }).where('id', '=', buyers[index]!.id).execute();
  }
  person = { email, buyers };
  const standard = await db
    .selectFrom('shipping_rate_groups')
    .select('rates')
    .where('name', '=', 'Standard')
    .executeTakeFirstOrThrow();
  for (const rate of JSON.parse(standard.rates) as { country: string; currency: string }[]) {
    if (!countryOf.has(rate.currency)) countryOf.set(rate.currency, rate.country);
  }
  await store.close();
  hub = await spawnHub(dir, ['--stripe-api', stripe.url]);
});

test.afterAll(async () => {
  await hub?.stop();
  await stripe?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the first style, puts one unit of its first size with stock in the cart, and opens the cart. */
async function oneUnitInCart(page: Page) {
  const styles = page.getByRole('list').filter({ has: page.locator('.link-style') });
  await styles.getByRole('button').first().click();
  await page
    .getByRole('spinbutton', { name: /^Quantity of / })
    .and(page.locator(':enabled'))
    .first()
    .fill('1');
  await page.getByRole('button', { name: 'Back to the catalog' }).click();
  await page.getByRole('button', { name: 'Cart (1 unit)' }).click();
}

/** Fills the checkout's contact and ship-to for a buyer paying in `currency`. */
async function fillCheckout(page: Page, currency: string) {
  await page.getByLabel('Your name').fill('Store manager');
  await page.getByLabel('Email', { exact: true }).fill('manager@offline-store.example');
  await page.getByRole('textbox', { name: 'Name or company' }).fill('The store');
  await page.getByRole('textbox', { name: 'Address line 1' }).fill('Main street 1');
  await page.getByRole('textbox', { name: 'City' }).fill('Town');
  await page.getByRole('combobox', { name: 'Country' }).selectOption(countryOf.get(currency)!);
  await expect(page.getByRole('radio', { name: /^Standard · / })).toBeChecked();
}

const hubRow = <T>(read: (db: ReturnType<typeof hubDb>) => Promise<T>) => readHubStore(dir, read);

async function logIn(page: Page) {
  await page.goto(`${hub.url}/c/${links.main}`);
  await expect(page.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
  // The token left the address bar before anything was drawn.
  expect(page.url()).toBe(`${hub.url}/link`);
  await page.getByLabel('Passcode', { exact: true }).fill('paris-2026');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('alert')).toHaveText('That is not right. Check it and try again.');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to order' })).toBeVisible();
}

test('a person of two buyers logs in on a phone, picks one and browses its catalogs', async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await logIn(page);
  await page.screenshot({ path: test.info().outputPath('log-in-375.png'), fullPage: true });
  for (const method of [
    'Login with User Account',
    'Login with Offline Buyer',
    'Login with Brand-Specific Credentials',
  ]) {
    await expect(page.getByRole('tab', { name: method })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Login with Brand-Specific Credentials' }).click();
  await expect(page.getByLabel('Unique code')).toBeVisible();
  await page.getByRole('tab', { name: 'Login with User Account' }).click();
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That is not right. Check it and try again.');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();

  await expect(
    page.getByRole('heading', { name: 'Which buyer are you ordering for?' }),
  ).toBeVisible();
  await expectAccessible(page);
  const buyer = person.buyers[1]!;
  await page.getByRole('button', { name: buyer.name }).click();

  await expect(page.getByRole('heading', { name: `Catalogs for ${buyer.name}` })).toBeVisible();
  await expect(page.getByText(`Prices in ${buyer.currency}`)).toBeVisible();
  await expect(page.getByText(`${closedCatalog} is closed and is not shown.`)).toBeVisible();
  await expect(page.getByRole('button', { name: closedCatalog })).toHaveCount(0);
  const styles = page.getByRole('list').filter({ has: page.locator('.link-style') });
  await expect(styles.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('catalog-375.png'), fullPage: true });
  await expectAccessible(page);

  const first = styles.getByRole('listitem').first();
  const styleNumber = (await first.locator('.link-style__number').textContent())!;
  await page.getByRole('searchbox', { name: 'Search styles' }).fill(styleNumber);
  await expect(page.getByRole('heading', { name: /^1 style$/ })).toBeVisible();
  await styles.getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Catalogs for/);
  await expect(page.getByRole('columnheader', { name: 'Available' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /left|None left/ }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('style-375.png'), fullPage: true });
  await expectAccessible(page);
  // Two units of the first size with stock go in the cart.
  const quantity = page
    .getByRole('spinbutton', { name: /^Quantity of / })
    .and(page.locator(':enabled'))
    .first();
  await quantity.fill('2');
  await expect(page.getByText('2 units of this style in the cart')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the catalog' }).click();
  await page.getByRole('button', { name: 'Cart (2 units)' }).click();
  await expect(page.getByRole('heading', { name: 'Cart', exact: true })).toBeVisible();
  await page.getByLabel('Your name').fill('Oliver Schmidt');
  await page.getByLabel('Email', { exact: true }).fill('oliver@store.example');
  await page.getByRole('textbox', { name: 'Name or company' }).fill('Oliver Schmidt Store');
  await page.getByRole('textbox', { name: 'Address line 1' }).fill('Main street 1');
  await page.getByRole('textbox', { name: 'City' }).fill('Town');
  await page
    .getByRole('combobox', { name: 'Country' })
    .selectOption(countryOf.get(buyer.currency)!);
  await expect(page.getByRole('radio', { name: /^Standard · / })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('cart-375.png'), fullPage: true });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: 'Order placed' })).toBeVisible();
  await expect(page.getByText(/^Order number/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('placed-375.png'), fullPage: true });
  await page.getByRole('button', { name: 'Back to the catalog' }).click();
  await expect(page.getByRole('button', { name: 'Cart (0 units)' })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('catalog-1280.png'), fullPage: true });

  // Logging out ends the visit: the next person starts at the passcode.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
  await page.context().close();
});

test('the log-in speaks Japanese when asked, the catalogs the buyer’s language', async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await page.goto(`${hub.url}/c/${links.viewOnly}?lang=ja`);
  await expect(page.getByRole('heading', { name: 'ログインして注文する' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'ユーザーアカウントでログイン' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('log-in-ja.png'), fullPage: true });
  await page.getByLabel('メールアドレス').fill(person.email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('button', { name: person.buyers[0]!.name }).click();
  await expect(
    page.getByText('このリンクは閲覧専用です。カートと注文は使えません。'),
  ).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.context().close();
});

test('a link not yet released says when it opens, an expired one says so, an unknown one does not open', async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await page.goto(`${hub.url}/c/${links.scheduled}`);
  await expect(page.getByRole('heading', { name: 'This link is not open yet' })).toBeVisible();
  await expect(page.getByText(/^It opens on \d{1,2} \w+ \d{4} at \d{2}:\d{2}\.$/)).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${hub.url}/c/${links.expired}`);
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${hub.url}/c/${'x'.repeat(43)}`);
  await expect(
    page.getByRole('heading', {
      name: 'This link does not open. Contact the brand for a new one.',
    }),
  ).toBeVisible();
  await page.context().close();
});

test('a card payment goes through Stripe’s page and comes back paid', async ({ browser }) => {
  const page = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await logIn(page);
  await page.getByRole('tab', { name: 'Login with User Account' }).click();
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  const buyer = person.buyers[1]!;
  await page.getByRole('button', { name: buyer.name }).click();
  await oneUnitInCart(page);
  await fillCheckout(page, buyer.currency);
  await page.getByRole('radio', { name: 'Stripe Credit Card Payment' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  // Stripe's page (the stand-in's), then back to the link.
  await expect(page.getByRole('heading', { name: /^Pay / })).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'your card payment is done' }),
  ).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/link');
  await page.screenshot({ path: test.info().outputPath('card-paid-375.png'), fullPage: true });
  await expectAccessible(page);
  const paid = await hubRow((db) =>
    db
      .selectFrom('orders')
      .select(['payment_method', 'payment_status'])
      .where('payment_method', '=', 'stripe_card')
      .executeTakeFirstOrThrow(),
  );
  expect(paid).toEqual({ payment_method: 'stripe_card', payment_status: 'paid' });
  await page.context().close();
});

test('an offline buyer logs in with the email the brand set, orders, and becomes its customer’s', async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await page.goto(`${hub.url}/c/${links.transition}`);
  await page.getByRole('tab', { name: 'Login with Offline Buyer' }).click();
  await page.getByLabel('Email', { exact: true }).fill(OFFLINE.email);
  await page.getByLabel('Password', { exact: true }).fill(OFFLINE.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText(`Ordering for ${offlineBuyer.name}`)).toBeVisible();
  const currency = (await page.getByText(/^Prices in [A-Z]{3}/).textContent())!.slice(10, 13);
  await oneUnitInCart(page);
  await fillCheckout(page, currency);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: 'Order placed' })).toBeVisible();
  const moved = await hubRow(async (db) => ({
    buyer: await db
      .selectFrom('buyers')
      .select('kind')
      .where('id', '=', offlineBuyer.id)
      .executeTakeFirstOrThrow(),
    invited: await db
      .selectFrom('buyer_invitations')
      .select('email')
      .where('buyer_id', '=', offlineBuyer.id)
      .execute(),
  }));
  expect(moved).toEqual({
    buyer: { kind: 'customer_owned' },
    invited: [{ email: 'manager@offline-store.example' }],
  });
  await page.context().close();
});
