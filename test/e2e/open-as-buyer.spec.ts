import type { Page } from '@playwright/test';
import { newLinkSettings } from '../../main/domain/customer-order-links.ts';
import { expectAccessible } from './share-pages.ts';
import { expect, switchAccount, test } from './shell.ts';

/**
 * "Open as <buyer>": the brand checks out on a buyer's behalf. The admin, in Links,
 * opens a live customer order link as a buyer: the browser opens a new page already
 * logged in as that buyer (no passcode, no code typed), the catalog saying who orders
 * for whom, and the ticket gone from the address bar. The same address opened again
 * shows the log-in with a note. From a buyer's dialog the admin picks the link. API
 * Logs shows the log-in on the buyer's behalf, by the admin, never the ticket.
 */

test.describe.configure({ mode: 'serial' });

type Invoke = (name: string, input: object) => Promise<unknown>;

function invoke<T>(page: Page, name: string, input: object): Promise<T> {
  return page.evaluate(
    ([name, input]) =>
      (window as unknown as { trunkshow: { invoke: Invoke } }).trunkshow.invoke(name, input),
    [name, input] as const,
  ) as Promise<T>;
}

/** Keeps the addresses the showroom opens in a new window, to open them again. */
async function rememberOpened(page: Page) {
  await page.evaluate(() => {
    const opened: string[] = [];
    const open = window.open.bind(window);
    Object.assign(window, { opened });
    window.open = (url, ...rest) => {
      opened.push(String(url));
      return open(url, ...rest);
    };
  });
}

const opened = (page: Page) =>
  page.evaluate(() => (window as unknown as { opened: string[] }).opened);

const name = `Open as ${Date.now().toString(36)}`;

test('an admin opens a live link as a buyer, logged in on the buyer’s behalf and audited', async ({
  page,
  browser,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  const { choices } = await invoke<{ choices: { catalogs: { id: string; status: string }[] } }>(
    page,
    'customerOrderLinks.list',
    {},
  );
  // With a passcode: opening as the buyer passes it, as it passes the log-in.
  await invoke(page, 'customerOrderLinks.create', {
    settings: {
      ...newLinkSettings(),
      name,
      passcodeEnabled: true,
      catalogIds: [choices.catalogs.find((catalog) => catalog.status === 'Open')!.id],
    },
    passcode: 'harbour-2027',
  });
  const { items } = await invoke<{ items: { name: string }[] }>(page, 'buyers.list', {
    query: '',
    limit: 5,
  });
  const buyer = items[1]!.name;

  await sections.getByRole('button', { name: 'Links' }).click();
  const row = page.getByRole('table', { name: 'Customer Order Links' }).getByRole('row', {
    name: new RegExp(name),
  });
  await expect(row).toContainText('Live', { timeout: 20_000 });
  await rememberOpened(page);
  await row.getByRole('button', { name: `Open ${name} as a buyer` }).click();
  const dialog = page.getByRole('dialog', { name: `Open “${name}” as a buyer` });
  await expect(dialog.getByRole('button', { name: 'Open as the buyer' })).toBeDisabled();
  await dialog.getByRole('searchbox', { name: 'Search buyers' }).fill(buyer.slice(0, 6));
  await dialog
    .getByRole('group', { name: 'Buyers' })
    .getByRole('radio', { name: buyer, exact: true })
    .check();
  await page.screenshot({ path: testInfo.outputPath('open-as-pick-buyer.png') });
  const newPage = page.context().waitForEvent('page');
  await dialog.getByRole('button', { name: `Open as ${buyer}` }).click();
  const tab = await newPage;
  await expect(page.getByRole('status')).toHaveText(`${name} opened in your browser as ${buyer}.`);

  // Logged in as the buyer, past the passcode, on the admin's behalf; the ticket gone.
  await expect(tab.getByRole('heading', { name: `Catalogs for ${buyer}` })).toBeVisible({
    timeout: 20_000,
  });
  await expect(tab.getByText(`Maja Lindqvist (`)).toContainText(`) ordering for ${buyer}`);
  expect(new URL(tab.url()).pathname).toBe('/link');
  expect(new URL(tab.url()).hash).toBe('');
  await tab.screenshot({ path: testInfo.outputPath('open-as-buyer-page.png') });
  await expectAccessible(tab);

  // The admin fills the cart and places the order for the buyer.
  const currency = /Prices in ([A-Z]{3})/.exec(
    (await tab.getByText(/^Prices in /).textContent()) ?? '',
  )![1]!;
  const styles = tab.getByRole('list').filter({ has: tab.locator('.link-style') });
  await styles.getByRole('listitem').first().getByRole('button').first().click();
  await tab
    .getByRole('spinbutton', { name: /^Quantity of / })
    .and(tab.locator(':enabled'))
    .first()
    .fill('2');
  await tab.getByRole('button', { name: 'Back to the catalog' }).click();
  await tab.getByRole('button', { name: 'Cart (2 units)' }).click();
  await tab.getByLabel('Your name').fill('Maja Lindqvist');
  await tab.getByLabel('Email', { exact: true }).fill('maja@nordlys-atelier.example');
  await tab.getByRole('textbox', { name: 'Name or company' }).fill(buyer);
  await tab.getByRole('textbox', { name: 'Address line 1' }).fill('Main street 1');
  await tab.getByRole('textbox', { name: 'City' }).fill('Town');
  await tab
    .getByRole('combobox', { name: 'Country' })
    .selectOption({ EUR: 'DE', SEK: 'SE', JPY: 'JP', USD: 'US' }[currency]!);
  await tab.getByRole('button', { name: 'Place order' }).click();
  await expect(tab.getByRole('heading', { name: 'Order placed' })).toBeVisible();
  await tab.screenshot({ path: testInfo.outputPath('open-as-order-placed.png') });

  // The same address again: the ticket is spent, so the link asks for its passcode, with a note.
  const [address] = await opened(page);
  expect(address).toMatch(/\/c\/[\w-]{43}#ticket=[\w-]{43}$/);
  const ticket = address!.split('#ticket=')[1]!;
  const again = await (await browser.newContext()).newPage();
  await again.goto(address!);
  await expect(again.getByRole('status')).toContainText('no longer works');
  await expect(again.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
  expect(new URL(again.url()).hash).toBe('');
  await again.screenshot({ path: testInfo.outputPath('open-as-spent-ticket.png') });
  await expectAccessible(again);
  // In Japanese too.
  await again.goto(address!.replace('#', '?lang=ja#'));
  await expect(again.getByRole('status')).toContainText('このサインインは使えなくなりました');
  await again.screenshot({ path: testInfo.outputPath('open-as-spent-ticket-ja.png') });
  await again.context().close();
  await tab.close();

  // From the buyer's dialog: the link is one of the live ones to pick.
  await sections.getByRole('button', { name: 'Buyers' }).click();
  await page
    .getByRole('list', { name: 'Buyers' })
    .getByRole('listitem')
    .filter({ hasText: buyer })
    .first()
    .getByRole('button')
    .first()
    .click();
  const terms = page.getByRole('dialog', { name: 'Trading terms' });
  await terms.getByRole('button', { name: `Open as ${buyer}` }).click();
  const pick = page.getByRole('dialog', { name: `Open a link as ${buyer}` });
  await pick
    .getByRole('group', { name: 'Live links' })
    .getByRole('radio', { name, exact: true })
    .check();
  await page.screenshot({ path: testInfo.outputPath('open-as-pick-link.png') });
  const second = page.context().waitForEvent('page');
  await pick.getByRole('button', { name: `Open as ${buyer}` }).click();
  const secondTab = await second;
  await expect(secondTab.getByRole('heading', { name: `Catalogs for ${buyer}` })).toBeVisible({
    timeout: 20_000,
  });
  await expect(pick).toHaveCount(0);
  await expect(terms.getByRole('status')).toHaveText(`${name} opened in your browser as ${buyer}.`);
  await secondTab.close();
  await page.keyboard.press('Escape');
  await expect(terms).toHaveCount(0);

  // API Logs: the log-in on the buyer's behalf, by the admin on this device; never the ticket.
  await sections.getByRole('button', { name: 'API Logs' }).click();
  await page
    .getByRole('combobox', { name: 'Show' })
    .selectOption({ label: 'Sign-ins and devices' });
  const log = page.getByRole('table');
  const logIn = log
    .getByRole('row')
    .filter({ hasText: 'Logged in to a customer order link on behalf of a buyer' });
  await expect(logIn.first()).toContainText('Maja Lindqvist', { timeout: 20_000 });
  await expect(logIn.first()).toContainText(`For ${buyer}, through ${name}`);
  await expect(logIn).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('open-as-api-logs.png') });
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Everything' });
  await expect(
    log.getByRole('row').filter({ hasText: 'Asked to open a customer order link as a buyer' }),
  ).toHaveCount(2);
  await expect(log).not.toContainText(ticket);
  // The orders placed for the buyer: by the admin, from this device.
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Orders' });
  const placed = log.getByRole('row').filter({ hasText: 'Order placed' }).first();
  await expect(placed).toContainText('Maja Lindqvist');
  await expect(placed.locator('.orders__sub')).not.toBeEmpty();
});

test('a rep opens their own link, and is told a buyer not theirs is not for them', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await switchAccount(page, 'Maja Lindqvist Admin', 'Jonas Berg');
  try {
    const { choices } = await invoke<{
      choices: { catalogs: { id: string; status: string }[] };
    }>(page, 'customerOrderLinks.list', {});
    const repsLink = `${name} (rep)`;
    await invoke(page, 'customerOrderLinks.create', {
      settings: {
        ...newLinkSettings(),
        name: repsLink,
        catalogIds: [choices.catalogs.find((catalog) => catalog.status === 'Open')!.id],
      },
      passcode: null,
    });
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Links' })
      .click();
    const row = page.getByRole('table', { name: 'Customer Order Links' }).getByRole('row', {
      name: new RegExp(repsLink.replace(/[()]/g, '\\$&')),
    });
    await expect(row).toContainText('Live', { timeout: 20_000 });
    await row.getByRole('button', { name: `Open ${repsLink} as a buyer` }).click();
    const dialog = page.getByRole('dialog', { name: `Open “${repsLink}” as a buyer` });
    // A buyer the rep keeps no selection for is not the rep's own.
    const [mine, { items: buyers }] = await Promise.all([
      invoke<{ items: { buyer: { id: string } }[] }>(page, 'selections.list', { owner: 'mine' }),
      invoke<{ items: { id: string; name: string }[] }>(page, 'buyers.list', { limit: 500 }),
    ]);
    const own = new Set(mine.items.map((selection) => selection.buyer.id));
    const buyerName = buyers.find((buyer) => !own.has(buyer.id))!.name;
    await dialog.getByRole('searchbox', { name: 'Search buyers' }).fill(buyerName);
    await dialog
      .getByRole('group', { name: 'Buyers' })
      .getByRole('radio', { name: buyerName, exact: true })
      .check();
    await dialog.getByRole('button', { name: `Open as ${buyerName}` }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      `${buyerName} is not one of your buyers: a rep opens links only as the buyers they keep selections for. Ask an admin.`,
    );
    await page.screenshot({ path: testInfo.outputPath('open-as-not-your-buyer.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    // The shell is the worker's: the next test file expects its admin signed in.
    await switchAccount(page, 'Jonas Berg Sales rep', 'Maja Lindqvist');
  }
});
