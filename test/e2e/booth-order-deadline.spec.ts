import { expect, test } from './shell.ts';
import { newSelectionWithTwoUnits } from './share-pages.ts';

// The showroom and its built-in hub share one clock this test moves past a catalog's
// order deadline: the demo brand's SS27 Main Collection closes 75 days after it was made.
test.use({ shellOptions: { timeTravel: true } });

test('a booth order of styles past their order deadline is placed once the rep acknowledges it', async ({
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await newSelectionWithTwoUnits(page, 'Late booth order');
  await shell.travel(76);
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
  await page.getByRole('list', { name: 'Selections' }).getByText('Late booth order').click();

  await page.getByRole('button', { name: 'Place order' }).click();
  const dialog = page.getByRole('dialog', { name: /^Place order for / });
  const warning = dialog.getByRole('group', { name: 'Order deadline passed' });
  await expect(warning).toContainText(/The order deadline has passed for SS27 Main Collection/);
  await expect(dialog.getByRole('table')).toContainText('Past its order deadline');

  await dialog.getByRole('textbox', { name: 'Name or company' }).fill('Late Store');
  await dialog.getByRole('textbox', { name: 'Address line 1' }).fill('1 Market Street');
  await dialog.getByRole('textbox', { name: 'City' }).fill('Riverside');
  await dialog.getByRole('textbox', { name: 'Approved by' }).fill('Late Buyer');
  await dialog.getByRole('button', { name: 'Place order' }).click();
  await expect(
    warning.getByText('Tick this to place styles past their order deadline.'),
  ).toBeVisible();
  await warning.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: 'test-results/booth-place-order-deadline.png' });

  await warning.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Place order' }).click();
  await expect(
    page.getByRole('dialog', { name: /^Order P-[A-Z0-9]{8}-\d+ placed$/ }),
  ).toBeVisible();
});
