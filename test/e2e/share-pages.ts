import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The spec's words for every link that does not open. */
export const EXPIRED =
  'Your access link has expired. Please log in to continue browsing or contact the brand for assistance.';

/** The spec's words in the Share Link modal while share links are off. */
export const SHARING_OFF =
  'You can share this selection with the buyer by sending an email or copying the shareable link. The recipient will receive a link directing them to the selected page, but they must have access to the selection and be logged in to view it.';

/** The spec's warning beside the setting that turns share links on. */
export const SHARING_WARNING =
  'When enabling anonymous buyers (unlogged users) to access shared links, please be cautious. By enabling this feature, you open access to orders, collections, and other information to any holder of the link. No authentication is required to access your data, and only the uniqueness of the link protects your information. You should protect your links. With this feature enabled, you set an expiration date for the links. It helps ensure better control and data protection for your brand.';

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/**
 * Creates a selection for the first buyer offered, with two units of the first SS27 style
 * found: the demo's SS27 Main Collection is published and open for orders for 75 days
 * from the day the hub was seeded, so buyers see and may order it (AW26 is Closed, AW27
 * not yet published: their styles are not shown to buyers).
 */
export async function newSelectionWithTwoUnits(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
  await page.getByRole('button', { name: 'New selection' }).first().click();
  const create = page.getByRole('dialog', { name: 'New selection' });
  await create.getByRole('button').filter({ hasText: /·/ }).first().click();
  await create.getByRole('textbox', { name: 'Name' }).fill(name);
  await create.getByRole('button', { name: 'Create selection' }).click();
  await page.getByRole('combobox', { name: 'Add by style number or barcode' }).fill('SS27-');
  await page.getByRole('listbox', { name: 'Matching styles' }).getByRole('option').first().click();
  await expect(page.getByRole('form', { name: /^Quantities for / })).toBeVisible();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Totals')).toContainText(/Units\s*2/);
}

/** Opens the Share Link modal of the selection on screen. */
export async function openShareModal(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Share Link' }).click();
  return page.getByRole('dialog', { name: 'Share Link' });
}

/** Generates a link in the open modal and answers its address. */
export async function generateLink(modal: Locator): Promise<string> {
  await modal.getByRole('button', { name: 'Generate' }).click();
  const address = modal.getByRole('textbox', { name: 'Link address' });
  await expect(address).toHaveValue(/\/s\/[\w-]{43}$/);
  return address.inputValue();
}

/**
 * Visits (opens a link, or reloads the buyer's tab) until the page shows `heading`: a
 * link generated a moment ago goes live once the desktop has synced it, and a change of
 * setting or a revocation reaches the hub the same way.
 */
export async function visitUntil(
  page: Page,
  heading: string,
  visit: () => Promise<unknown>,
): Promise<void> {
  await expect(async () => {
    await visit();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Presses Tab until `target` has focus, as a keyboard user reaches it; fails when it is
 * not reachable within `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with Tab within ${limit} presses`).toBeFocused();
}
