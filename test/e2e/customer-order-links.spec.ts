import type { Page } from '@playwright/test';
import { expect, switchAccount, test } from './shell.ts';

/**
 * An admin makes a customer order link in Links › Customer Order Links: problems are
 * said at their fields (an expiry before the release, a video address that is not an
 * embed address, a contact without a name, and, from the service alone, two rate groups
 * pricing the same country) and nothing is created; then the link with two catalogs, a
 * passcode and a rate group is listed, goes live on sync, is copied, edited to
 * view-only and disabled.
 */

test.describe.configure({ mode: 'serial' });

interface Choices {
  links: { name: string }[];
  choices: { catalogs: { name: string }[] };
}

function overview(page: Page): Promise<Choices> {
  return page.evaluate(() =>
    (
      window as unknown as {
        trunkshow: { invoke: (name: string, input: object) => Promise<Choices> };
      }
    ).trunkshow.invoke('customerOrderLinks.list', {}),
  );
}

async function openLinks(page: Page, sections: string, links: string) {
  await page
    .getByRole('navigation', { name: sections })
    .getByRole('button', { name: links })
    .click();
}

/** The form scrolls inside the section: a window tall enough to hold it, for one picture. */
async function screenshotWhole(page: Page, path: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 3200 });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

const name = `Spring buyers ${Date.now().toString(36)}`;

test('an admin creates, copies, edits and disables a customer order link', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await openLinks(page, 'Sections', 'Links');
  const section = page.getByRole('region', { name: 'Links' });
  await expect(section.getByRole('tab', { name: 'Customer Order Links' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const panel = section.getByRole('tabpanel', { name: 'Customer Order Links' });
  const [first, second] = (await overview(page)).choices.catalogs.map((catalog) => catalog.name);

  await panel.getByRole('button', { name: 'Create a New Link' }).click();
  const form = panel.getByRole('form', { name: 'Create a New Customer Link' });
  await expect(form.getByRole('heading', { name: 'Create a New Customer Link' })).toBeVisible();
  await expect(form).toContainText(/Times are in \S+ \(GMT[^)]*\)/);

  await form.getByRole('textbox', { name: 'Link Name' }).fill(name);
  await form.getByRole('switch', { name: 'Set the release date.' }).check();
  await form.getByLabel('Release date', { exact: true }).fill('2027-03-01T09:00');
  await form.getByRole('switch', { name: 'Set the expiration date.' }).check();
  await form.getByLabel('Expiration date', { exact: true }).fill('2027-02-01T09:00');
  await form.getByRole('switch', { name: 'Require a passcode' }).check();
  await form.getByLabel('Passcode', { exact: true }).fill('paris-2027');
  const catalogs = form.getByRole('group', { name: 'Selectable Catalogs' });
  await catalogs.getByRole('checkbox', { name: new RegExp(`^${first}`) }).check();
  await catalogs.getByRole('checkbox', { name: new RegExp(`^${second}`) }).check();
  await expect(form.getByRole('checkbox', { name: 'Pay outside the app' })).toBeChecked();
  const shipping = form.getByRole('group', { name: 'Shipping Fee Settings' });
  // Both demo groups price every market: the service alone knows they overlap.
  await shipping.getByRole('checkbox', { name: /^Standard/ }).check();
  await shipping.getByRole('checkbox', { name: /^Express/ }).check();
  await form.getByRole('radio', { name: 'Video link' }).check();
  const video = form.getByRole('textbox', { name: 'Video embed address' });
  await video.fill('https://example.com/watch?v=abc');
  await form.getByRole('button', { name: 'Add an additional contact' }).click();
  const contact = form.getByRole('group', { name: 'Contact 1' });
  await contact.getByRole('textbox', { name: 'Email' }).fill('orders@example.com');

  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(form.getByLabel('Expiration date', { exact: true })).toHaveAccessibleDescription(
    /The expiration date must be after the release date\./,
  );
  await expect(video).toHaveAccessibleDescription(/Use a video’s embed address/);
  await expect(contact.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription(
    'Give the contact a first or last name.',
  );
  await expect(form.getByRole('alert')).toHaveText(
    'Nothing was saved: correct the fields marked below.',
  );
  await screenshotWhole(page, testInfo.outputPath('link-form-errors.png'));

  await form.getByLabel('Expiration date', { exact: true }).fill('2027-12-31T18:00');
  await video.fill('https://www.youtube.com/embed/dQw4w9WgXcQ');
  await contact.getByRole('textbox', { name: 'First name' }).fill('Maja');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(shipping).toHaveAccessibleDescription(
    /(Standard|Express) and (Express|Standard) both price [A-Z][a-z]+ in [A-Z]{3}: choose one of them\./,
  );
  expect((await overview(page)).links.map((link) => link.name)).not.toContain(name);

  // A second contact comes and goes by its trash button.
  await form.getByRole('button', { name: 'Add an additional contact' }).click();
  await form.getByRole('button', { name: 'Remove contact 2' }).click();
  await expect(form.getByRole('group', { name: 'Contact 2' })).toHaveCount(0);
  await shipping.getByRole('checkbox', { name: /^Standard/ }).uncheck();
  // Released already: the link opens as soon as the hub has it.
  await form.getByLabel('Release date', { exact: true }).fill('2026-01-01T09:00');
  await screenshotWhole(page, testInfo.outputPath('link-form.png'));
  await form.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(panel.getByRole('status')).toHaveText(`${name} was created.`);
  const created = panel.getByRole('region', { name });
  await expect(created).toContainText(
    /Waiting to sync: the link goes live when the hub has it\.|Live: buyers can open it now\./,
  );
  await expect(created.getByRole('img', { name: /QR code/ })).toBeVisible();
  const address = await created.getByRole('textbox', { name: 'Link address' }).inputValue();
  expect(address).toMatch(/\/c\/[\w-]{43}$/);

  const row = panel.getByRole('table', { name: 'Customer Order Links' }).getByRole('row', {
    name: new RegExp(name),
  });
  await expect(row).toContainText(`${first}, ${second}`);
  await expect(row.getByRole('cell').nth(4)).toHaveText('On');
  await expect(row).toContainText('Live');
  await expect(created).toContainText('Live: buyers can open it now.');
  await page.screenshot({ path: testInfo.outputPath('links.png') });

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await row.getByRole('button', { name: `Copy this link: ${name}` }).click();
  await expect(panel.getByRole('status')).toHaveText(`The address of ${name} was copied.`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/c\/[\w-]{43}$/);
  expect(copied).toBe(address);

  await row.getByRole('button', { name: `Email or QR code: ${name}` }).click();
  const share = page.getByRole('dialog', { name });
  await expect(share.getByRole('link', { name: 'Email' })).toHaveAttribute(
    'href',
    `mailto:?subject=${encodeURIComponent(name)}&body=${encodeURIComponent(address)}`,
  );
  await expect(share.getByRole('img', { name: /QR code/ })).toBeVisible();
  await share.getByRole('button', { name: 'Close' }).click();

  // A computer that refuses clipboard access: the address is shown, selected for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('Not allowed'));
  });
  await row.getByRole('button', { name: `Copy this link: ${name}` }).click();
  await expect(share.getByRole('status')).toContainText('press Ctrl+C');
  const selected = await share
    .getByRole('textbox', { name: 'Link address' })
    .evaluate((input: HTMLInputElement) =>
      input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    );
  expect(selected).toBe(address);
  await share.getByRole('button', { name: 'Close' }).click();

  // Edit: the form holds what was saved; the passcode stays when left empty.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = panel.getByRole('form', { name: `Edit ${name}` });
  await expect(edit.getByRole('textbox', { name: 'Link Name' })).toHaveValue(name);
  await expect(edit.getByRole('checkbox', { name: new RegExp(`^${second}`) })).toBeChecked();
  await expect(edit.getByRole('checkbox', { name: /^Express/ })).toBeChecked();
  await expect(edit.getByLabel('Expiration date', { exact: true })).toHaveValue('2027-12-31T18:00');
  await expect(edit.getByLabel('Passcode', { exact: true })).toHaveAccessibleDescription(
    /A passcode is set: leave this empty to keep it/,
  );
  await expect(
    edit.getByRole('group', { name: 'Contact 1' }).getByRole('textbox', { name: 'First name' }),
  ).toHaveValue('Maja');
  await edit.getByRole('switch', { name: 'Make this link view-only' }).check();
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText(`${name} was saved.`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Yes');
  await expect(row.getByRole('cell').nth(4)).toHaveText('On');

  await row.getByRole('button', { name: `Disable ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${name}?` });
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('button', { name: `Enable ${name}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('links-disabled.png') });
});

test('the Links section in Japanese', async ({ browser, shell }, testInfo) => {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await openLinks(page, 'セクション', 'リンク');
  const panel = page.getByRole('tabpanel', { name: 'カスタマーオーダーリンク' });
  await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText('無効');
  await page.screenshot({ path: testInfo.outputPath('links-ja.png') });
  await panel.getByRole('button', { name: '新しいリンクを作成' }).click();
  const form = panel.getByRole('form', { name: '新しいカスタマーリンクを作成' });
  await form.getByRole('button', { name: '作成', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'リンク名' })).toHaveAccessibleDescription(
    /リンク名を入力してください。/,
  );
  await screenshotWhole(page, testInfo.outputPath('link-form-ja.png'));
  await page.close();
});

test('a rep has the Links section, with only the links they made', async ({ page, shell }) => {
  await page.goto(shell.url);
  await switchAccount(page, 'Maja Lindqvist Admin', 'Jonas Berg');
  try {
    await openLinks(page, 'Sections', 'Links');
    const panel = page.getByRole('tabpanel', { name: 'Customer Order Links' });
    await expect(panel.getByRole('button', { name: 'Create a New Link' })).toBeVisible();
    await expect(panel.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  } finally {
    // The shell is the worker's: the next test file expects its admin signed in.
    await switchAccount(page, 'Jonas Berg Sales rep', 'Maja Lindqvist');
  }
});
