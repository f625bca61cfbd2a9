import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DTC_CHECKOUT_PATH_PREFIX } from '../../main/domain/dtc.ts';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { hubDb, openStore } from '../../main/store/database.ts';
import { insertDtcLink, setStock, setTaxRate, type InsertedDtcLink } from '../support/dtc.ts';
import { readHubStore, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { orderableSkuIds } from '../support/shared-selection.ts';
import { takeCardsThroughStandIn } from '../support/card-payments.ts';
import type { StripeStandIn } from '../support/stripe-stand-in.ts';
import { expectAccessible } from './share-pages.ts';

/**
 * A DTC checkout link on the hub's own page, `/dtc/<basket>/<hash>`, on a customer's
 * phone (dtc-shareable-order-link.txt): opening it claims this browser's copy of the
 * basket (once: a reload claims nothing again), the customer buys it paying outside the
 * app and gets the order's number; a second customer who claimed before buys their own
 * copy; a third who comes after is told the link was used and the basket is empty. A
 * card payment goes through Stripe's page (the local stand-in) and back. A link that is
 * not valid says so; a country the brand does not ship to is refused in the spec's
 * sense. axe-core finds no serious or critical violation, at 375 and 1280 px, in
 * English and Japanese.
 */

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

let dir = '';
let hub: HubProcess;
let stripe: StripeStandIn;
let skus: string[] = [];
const links: Record<
  'shared' | 'card' | 'open' | 'japanese' | 'noShipping' | 'soldOut',
  InsertedDtcLink
> = {} as never;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-dtc-page-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: 40, seed: 11, catalogDatesFrom: new Date() });
  skus = await orderableSkuIds(store.db, 6);
  const [first, second, third, fourth] = skus as [string, string, string, string];
  const make = async (options: Parameters<typeof insertDtcLink>[1], stock = 20) => {
    const made = await insertDtcLink(store.db, options);
    await setStock(
      store.db,
      made.warehouseId!,
      options.lines.map((line) => line.skuId),
      stock,
    );
    return made;
  };
  // A VIP's basket with locked quantities: two units at a special price, one at retail.
  links.shared = await make({
    lines: [
      { skuId: first, quantity: 2, specialPriceMinor: 9_900 },
      { skuId: second, quantity: 1 },
    ],
    lockQuantities: true,
  });
  links.card = await make({ lines: [{ skuId: third, quantity: 1 }], lockQuantities: true });
  links.open = await make({
    lines: [
      { skuId: first, quantity: 1, specialPriceMinor: 5_000 },
      { skuId: fourth, quantity: 2 },
    ],
  });
  links.japanese = await make({ lines: [{ skuId: second, quantity: 1 }], lockQuantities: true });
  links.noShipping = await make({ lines: [{ skuId: fourth, quantity: 1 }], lockQuantities: true });
  const [, , , , fifth] = skus as [string, string, string, string, string];
  links.soldOut = await make({ lines: [{ skuId: fifth, quantity: 2 }], lockQuantities: true }, 0);
  await setTaxRate(store.db, 'DE', 1900);
  // Switzerland is in the Europe market, but none of the brand's rates ships there.
  const db = hubDb(store.db);
  for (const group of await db
    .selectFrom('shipping_rate_groups')
    .select(['id', 'rates'])
    .execute()) {
    const rates = (JSON.parse(group.rates) as { country: string }[]).filter(
      (rate) => rate.country !== 'CH',
    );
    await db
      .updateTable('shipping_rate_groups')
      .set({ rates: JSON.stringify(rates) })
      .where('id', '=', group.id)
      .execute();
  }
  // The brand takes cards (Stripe's API is the test's stand-in).
  stripe = await takeCardsThroughStandIn(store.db, dir, () => hub.url);
  await store.close();
  hub = await spawnHub(dir, ['--stripe-api', stripe.url]);
});

test.afterAll(async () => {
  await hub?.stop();
  await stripe?.close();
  rmSync(dir, { recursive: true, force: true });
});

const addressOf = (link: InsertedDtcLink) =>
  `${hub.url}${DTC_CHECKOUT_PATH_PREFIX}${link.linkId}/${link.token}`;

async function openOn(browser: Browser, link: InsertedDtcLink, viewport = PHONE, query = '') {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${addressOf(link)}${query}`);
  return page;
}

const hubRow = <T>(read: (db: ReturnType<typeof hubDb>) => Promise<T>) => readHubStore(dir, read);

/** Fills the customer's details and a Berlin address, and waits for the tax and Standard rate. */
async function fillDetails(page: Page, name: string) {
  await page.getByLabel('Your name').fill(name);
  await page
    .getByLabel('Email', { exact: true })
    .fill(`${name.split(' ')[0]!.toLowerCase()}@example.com`);
  await page.getByRole('textbox', { name: 'Name or company' }).fill(name);
  await page.getByRole('textbox', { name: 'Address line 1' }).fill('Torstraße 1');
  await page.getByRole('textbox', { name: 'City' }).fill('Berlin');
  await page.getByRole('combobox', { name: 'Country' }).selectOption('DE');
  await expect(page.getByRole('radio', { name: /^Standard · / })).toBeChecked();
  await expect(page.getByText('Included tax (19%)')).toBeVisible();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** A screen on the phone it is on, and the same screen at 1280 px wide. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-375`);
  await page.setViewportSize(DESKTOP);
  await shot(page, `${name}-1280`);
  await expectAccessible(page);
  await page.setViewportSize(PHONE);
}

test('the first customer buys the basket; one who claimed before buys their copy; one after finds it used', async ({
  browser,
}) => {
  const first = await openOn(browser, links.shared);
  await expect(first.getByRole('heading', { name: 'Your basket', level: 1 })).toBeVisible();
  // The hash left the address bar before anything was drawn.
  expect(new URL(first.url()).pathname).toBe(`${DTC_CHECKOUT_PATH_PREFIX}${links.shared.linkId}`);
  const products = first.getByRole('listitem');
  await expect(products).toHaveCount(2);
  await expect(products.first()).toContainText('Special price');
  await expect(
    first.getByText('The quantities are set by the brand: you can lower them or remove a product.'),
  ).toBeVisible();
  // Locked: two units can be lowered to one, never raised.
  const quantity = first.getByRole('combobox', { name: /^Quantity of / });
  await expect(quantity).toHaveValue('2');
  expect(await quantity.locator('option').allTextContents()).toEqual(['1', '2']);
  await expect(products.nth(1)).toContainText('Quantity: 1');
  await shots(first, 'basket');
  await expectAccessible(first);

  // A second customer opens the link before anyone has bought: their own copy.
  const second = await openOn(browser, links.shared);
  await expect(second.getByRole('heading', { name: 'Your basket', level: 1 })).toBeVisible();

  await fillDetails(first, 'Ingrid Berg');
  await shot(first, 'checkout-375');
  await first.getByRole('button', { name: 'Place order' }).click();
  await expect(first.getByRole('heading', { name: 'Thank you for your order' })).toBeFocused();
  await expect(first.getByText(/^Order number SO-/)).toBeVisible();
  await expect(
    first.getByText('A confirmation is on its way to ingrid@example.com.'),
  ).toBeVisible();
  // What was ordered, product by product.
  const ordered = first.getByRole('list', { name: 'Your order' }).getByRole('listitem');
  await expect(ordered).toHaveCount(2);
  await expect(ordered.first()).toContainText(/, size .*2 pieces$/);
  await expect(ordered.nth(1)).toContainText(/, size .*1 piece$/);
  await shots(first, 'confirmation');
  await expectAccessible(first);
  // A reload finds this browser's bought copy and claims nothing again; it still says
  // what was ordered.
  const orderedTexts = await ordered.allTextContents();
  await first.reload();
  await expect(first.getByRole('heading', { name: 'Your order is placed' })).toBeVisible();
  await expect(ordered).toHaveText(orderedTexts);
  await shots(first, 'bought');

  await fillDetails(second, 'Maja Lind');
  await second.getByRole('button', { name: 'Place order' }).click();
  await expect(second.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();

  const third = await openOn(browser, links.shared);
  await expect(third.getByRole('heading', { name: 'This link was used' })).toBeVisible();
  await expect(third.getByText(/your basket is empty/)).toBeVisible();
  await shots(third, 'used');
  await expectAccessible(third);

  const bought = await hubRow(async (db) => ({
    link: await db
      .selectFrom('dtc_links')
      .select(['claim_count'])
      .where('id', '=', links.shared.linkId)
      .executeTakeFirstOrThrow(),
    orders: await db
      .selectFrom('orders')
      .select(['contact_name', 'source'])
      .where('dtc_link_id', '=', links.shared.linkId)
      .orderBy('contact_name')
      .execute(),
    // The confirmation is the hub's own mail, to the address the customer typed.
    mails: await db
      .selectFrom('mail_outbox')
      .select('to_addresses')
      .where(
        'entity',
        'in',
        db
          .selectFrom('orders')
          .select((eb) => eb.fn<string>('printf', [eb.val('order:%s'), 'id']).as('entity'))
          .where('dtc_link_id', '=', links.shared.linkId),
      )
      .orderBy('to_addresses')
      .execute(),
  }));
  expect(bought).toEqual({
    link: { claim_count: 2 },
    orders: [
      { contact_name: 'Ingrid Berg', source: 'dtc_link' },
      { contact_name: 'Maja Lind', source: 'dtc_link' },
    ],
    mails: [{ to_addresses: '["ingrid@example.com"]' }, { to_addresses: '["maja@example.com"]' }],
  });
  for (const page of [first, second, third]) await page.context().close();
});

test('a card payment goes through Stripe’s page and comes back paid', async ({ browser }) => {
  const page = await openOn(browser, links.card);
  await fillDetails(page, 'Karin Holm');
  await page.getByRole('radio', { name: 'Stripe Credit Card Payment' }).check();
  await page.getByRole('button', { name: 'Pay by card' }).click();
  // Stripe's page (the stand-in's): given up at first, then back to the hub's page.
  await expect(page.getByRole('heading', { name: /^Pay / })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The card payment was not finished.' }),
  ).toBeVisible();
  await shots(page, 'card-cancelled');
  // Paying again starts the same order's payment: nothing is ordered twice.
  await page.getByRole('button', { name: 'Pay by card' }).click();
  await expect(page.getByRole('heading', { name: /^Pay / })).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'your card payment is done' }),
  ).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${DTC_CHECKOUT_PATH_PREFIX}${links.card.linkId}`);
  await expect(page.getByText(/^Order number SO-/)).toBeVisible();
  await shots(page, 'card-paid');
  await expectAccessible(page);
  const paid = await hubRow((db) =>
    db
      .selectFrom('orders')
      .select(['payment_method', 'payment_status'])
      .where('dtc_link_id', '=', links.card.linkId)
      .execute(),
  );
  expect(paid).toEqual([{ payment_method: 'stripe_card', payment_status: 'paid' }]);
  await page.context().close();
});

test('a link that is not valid says so, whether changed or cut short', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  const { linkId, token } = links.open;
  // One character changed for another: a token may already end in any one letter.
  const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  for (const address of [
    `${DTC_CHECKOUT_PATH_PREFIX}${linkId}/${changed}`,
    `${DTC_CHECKOUT_PATH_PREFIX}${linkId}/${token.slice(0, 20)}`,
    `${DTC_CHECKOUT_PATH_PREFIX}${linkId}`,
  ]) {
    await page.goto(`${hub.url}${address}`);
    await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  }
  await shots(page, 'not-valid');
  await expectAccessible(page);
  await page.context().close();
});

test('a country the brand does not ship to is refused at the shipping', async ({ browser }) => {
  const page = await openOn(browser, links.noShipping);
  await page.getByRole('combobox', { name: 'Country' }).selectOption('CH');
  await expect(
    page.getByText('We do not ship to Switzerland. Choose another country or ask the brand.'),
  ).toBeVisible();
  // Only the market's countries are offered.
  const offered = await page.getByRole('combobox', { name: 'Country' }).locator('option').count();
  expect(offered).toBe(1 + 9);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByLabel('Your name')).toBeFocused();
  await expect(page.getByText('Type your name.')).toBeVisible();
  await shots(page, 'no-shipping');
  await page.context().close();
});

test('a product sold out since the link was made is refused at its line, nothing ordered', async ({
  browser,
}) => {
  const page = await openOn(browser, links.soldOut);
  await fillDetails(page, 'Sara Ek');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('listitem')).toContainText('None left.');
  await expect(
    page.getByText(
      'Some products are short of stock: lower their quantities. Nothing was ordered.',
    ),
  ).toBeVisible();
  await shot(page, 'sold-out-375');
  const orders = await hubRow((db) =>
    db.selectFrom('orders').select('id').where('dtc_link_id', '=', links.soldOut.linkId).execute(),
  );
  expect(orders).toEqual([]);
  await page.context().close();
});

test('quantities a link leaves open can be raised, and the special price covers the saved units', async ({
  browser,
}) => {
  const page = await openOn(browser, links.open, DESKTOP);
  await expect(page.getByText('You can change the quantities or remove a product.')).toBeVisible();
  await expect(
    page.getByText('Special price for 1 item; more at the regular price.'),
  ).toBeVisible();
  const quantity = page.getByRole('spinbutton', { name: /^Quantity of / }).first();
  await quantity.fill('3');
  await expect(page.getByLabel('What the order comes to')).toContainText('Special prices');
  await page
    .getByRole('button', { name: /^Remove / })
    .last()
    .click();
  await expect(page.getByRole('button', { name: /^Put back / })).toBeVisible();
  await shot(page, 'open-basket-1280');
  await expectAccessible(page);
  await page.context().close();
});

for (const [language, viewport] of [
  ['en', PHONE],
  ['en', DESKTOP],
  ['ja', PHONE],
  ['ja', DESKTOP],
] as const) {
  test(`the page is accessible in ${language} at ${viewport.width} px`, async ({ browser }) => {
    const page = await openOn(browser, links.japanese, viewport, `?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      language === 'ja' ? 'あなたのバスケット' : 'Your basket',
    );
    await page
      .getByRole('combobox', { name: language === 'ja' ? '国' : 'Country' })
      .selectOption('DE');
    await expect(page.getByRole('radio').first()).toBeChecked();
    await page
      .getByRole('button', { name: language === 'ja' ? '注文する' : 'Place order' })
      .click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused();
    // The page's own words in its language: no English on a Japanese screen.
    await expect(
      page.getByLabel(language === 'ja' ? 'お名前' : 'Your name'),
    ).toHaveAccessibleDescription(
      language === 'ja' ? 'お名前を入力してください。' : 'Type your name.',
    );
    await shot(page, `checkout-${language}-${viewport.width}`);
    await expectAccessible(page);
    await page.context().close();
  });
}
