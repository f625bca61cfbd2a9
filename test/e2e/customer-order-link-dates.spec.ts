import type { Page } from '@playwright/test';
import { expect, test } from './shell.ts';
import { expectAccessible } from './share-pages.ts';

// The showroom and its built-in hub share one clock this test moves forward: a link's
// release and expiration without waiting for them.
test.use({ shellOptions: { timeTravel: true } });

interface Listed {
  links: { id: string; name: string; state: string }[];
}

function invoke<T>(page: Page, name: string, input: object): Promise<T> {
  return page.evaluate(
    ([operation, body]) =>
      (
        window as unknown as {
          trunkshow: { invoke: (name: string, input: object) => Promise<unknown> };
        }
      ).trunkshow.invoke(operation, body),
    [name, input] as const,
  ) as Promise<T>;
}

/** A `datetime-local` value: the instant as this computer's clock shows it. */
function localInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * A link an admin makes in the desktop with a release date tomorrow and an expiration
 * date five days on: before its release the buyer is told when it opens, on it the
 * passcode and then the log-in appear, and after its expiration the expired screen.
 * The dates are typed in the computer's time zone and kept as instants.
 */
test('a customer order link opens on its release date and closes on its expiration date', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const now = await shell.travel(0);
  const name = `Release test ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Links' })
    .click();
  const panel = page
    .getByRole('region', { name: 'Links' })
    .getByRole('tabpanel', { name: 'Customer Order Links' });
  await panel.getByRole('button', { name: 'Create a New Link' }).click();
  const form = panel.getByRole('form', { name: 'Create a New Customer Link' });
  await form.getByRole('textbox', { name: 'Link Name' }).fill(name);
  await form.getByRole('switch', { name: 'Set the release date.' }).check();
  await form
    .getByLabel('Release date', { exact: true })
    .fill(localInput(new Date(now.getTime() + 86_400_000)));
  await form.getByRole('switch', { name: 'Set the expiration date.' }).check();
  await form
    .getByLabel('Expiration date', { exact: true })
    .fill(localInput(new Date(now.getTime() + 5 * 86_400_000)));
  await form.getByRole('switch', { name: 'Require a passcode' }).check();
  await form.getByLabel('Passcode', { exact: true }).fill('opening-day');
  const catalogs = form.getByRole('group', { name: 'Selectable Catalogs' });
  await catalogs.getByRole('checkbox').first().check();
  await catalogs.getByRole('checkbox').nth(1).check();
  await form
    .getByRole('group', { name: 'Shipping Fee Settings' })
    .getByRole('checkbox', { name: /^Standard/ })
    .check();
  await form.getByRole('button', { name: 'Create', exact: true }).click();

  const link = await expect
    .poll(async () => (await invoke<Listed>(page, 'customerOrderLinks.list', {})).links)
    .toContainEqual(expect.objectContaining({ name, state: 'scheduled' }))
    .then(async () =>
      (await invoke<Listed>(page, 'customerOrderLinks.list', {})).links.find(
        (found) => found.name === name,
      )!,
    );
  const { url } = await invoke<{ url: string }>(page, 'customerOrderLinks.address', {
    id: link.id,
  });

  const buyer = await (
    await browser.newContext({ viewport: { width: 375, height: 800 } })
  ).newPage();
  await buyer.goto(url);
  await expect(buyer.getByRole('heading', { name: 'This link is not open yet' })).toBeVisible();
  await expect(buyer.getByText(/^It opens on /)).toBeVisible();
  await buyer.screenshot({ path: testInfo.outputPath('link-scheduled.png') });
  await expectAccessible(buyer);

  await shell.travel(2);
  await buyer.reload();
  await expect(buyer.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
  await buyer.getByLabel('Passcode', { exact: true }).fill('opening-day');
  await buyer.getByRole('button', { name: 'Enter' }).click();
  await expect(buyer.getByRole('heading', { name: 'Log in to order' })).toBeVisible();

  await shell.travel(4);
  await buyer.reload();
  await expect(buyer.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await buyer.screenshot({ path: testInfo.outputPath('link-expired.png') });
  await expectAccessible(buyer);
  await buyer.context().close();
});
