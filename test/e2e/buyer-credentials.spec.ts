import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CREDENTIAL_LIMITS } from '../../main/domain/rate-limit.ts';
import { checkBrandCredentials } from '../../main/hub/auth/credential-log-ins.ts';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords } from '../../main/hub/auth/passwords.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { openStore } from '../../main/store/database.ts';
import { expect, test } from './shell.ts';

/**
 * A buyer's customer order link sign-in, set from the buyer's dialog: a unique code and
 * passcode for any buyer, an email and password for an offline buyer; what is wrong is
 * said at its field, whether the form or the hub finds it; a secret is never shown back.
 * The shell is shared with other specs, so codes and emails are this run's own.
 */
const run = Math.random().toString(36).slice(2, 8).toUpperCase();
const CODE = `E2E-${run}`;
const EMAIL = `orders-${run.toLowerCase()}@boutique.example`;
const PASSCODE = 'harbour-lights-42';

/** Opens the dialog of the first buyer whose row says `kind`. */
async function openBuyer(page: Page, kind: string, list = 'Buyers') {
  await page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .filter({ hasText: kind })
    .first()
    .getByRole('button')
    .click();
}

test('an admin sets a buyer’s unique code and passcode and an offline buyer’s email and password', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Buyers' }).click();
  await openBuyer(page, 'Offline buyer');
  const dialog = page.getByRole('dialog', { name: 'Trading terms' });
  const signIn = dialog.getByRole('region', { name: 'Customer order link sign-in' });

  const code = signIn.getByRole('group', { name: 'Login with Brand-Specific Credentials' });
  await code.getByRole('button', { name: 'Set code and passcode' }).click();
  await code.getByRole('textbox', { name: 'Unique code' }).fill('shop 42!');
  await code.getByLabel('Passcode').fill('short');
  await code.getByRole('button', { name: 'Save code and passcode' }).click();
  await expect(code.getByRole('textbox', { name: 'Unique code' })).toHaveAccessibleDescription(
    /Use only letters and digits, in groups joined by single hyphens\./,
  );
  await expect(code.getByLabel('Passcode')).toHaveAccessibleDescription(
    /Use at least 8 characters\./,
  );
  await signIn.screenshot({ path: testInfo.outputPath('sign-in-field-errors-en.png') });

  await code.getByRole('textbox', { name: 'Unique code' }).fill(CODE.toLowerCase());
  await code.getByLabel('Passcode').fill(PASSCODE);
  await code.getByRole('button', { name: 'Save code and passcode' }).click();
  await expect(signIn.getByRole('status')).toHaveText('Unique code and passcode saved.');
  await expect(code).toContainText(CODE);
  await expect(code).toContainText('Passcode set');
  await expect(code).not.toContainText(PASSCODE);

  const offline = signIn.getByRole('group', { name: 'Login with Offline Buyer' });
  await offline.getByRole('button', { name: 'Set email and password' }).click();
  await offline.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
  await expect(offline.getByLabel('Password')).toHaveAttribute('type', 'password');
  await offline.getByLabel('Password').fill('a long offline password');
  await offline.getByRole('button', { name: 'Save email and password' }).click();
  await expect(signIn.getByRole('status')).toHaveText('Email and password saved.');
  await expect(offline).toContainText(EMAIL);
  await expect(offline).toContainText('Password set');
  await signIn.screenshot({ path: testInfo.outputPath('sign-in-set-en.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Another buyer cannot take the same code: the hub says so, at the field.
  await openBuyer(page, 'Customer-owned');
  const other = page
    .getByRole('dialog', { name: 'Trading terms' })
    .getByRole('region', { name: 'Customer order link sign-in' });
  await expect(other.getByRole('group', { name: 'Login with Offline Buyer' })).toHaveCount(0);
  const otherCode = other.getByRole('group', { name: 'Login with Brand-Specific Credentials' });
  await otherCode.getByRole('button', { name: 'Set code and passcode' }).click();
  await otherCode.getByRole('textbox', { name: 'Unique code' }).fill(CODE);
  await otherCode.getByLabel('Passcode').fill(PASSCODE);
  await otherCode.getByRole('button', { name: 'Save code and passcode' }).click();
  await expect(otherCode.getByRole('textbox', { name: 'Unique code' })).toHaveAccessibleDescription(
    /Another buyer already has this code\./,
  );
  await other.screenshot({ path: testInfo.outputPath('sign-in-code-taken-en.png') });
});

test('the same section in Japanese', async ({ shell, browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'バイヤー' })
    .click();
  await openBuyer(page, 'オフライン', 'バイヤー一覧');
  const signIn = page
    .getByRole('dialog', { name: '取引条件' })
    .getByRole('region', { name: 'カスタマーオーダーリンクのログイン' });
  const code = signIn.getByRole('group', { name: 'ブランド固有の認証情報でログイン' });
  await expect(signIn.getByRole('group', { name: 'オフラインバイヤーでログイン' })).toBeVisible();
  await code.getByRole('button', { name: /コードとパスコードを(設定|変更)/ }).click();
  await code.getByRole('textbox', { name: '固有コード' }).fill('ab');
  await code.getByRole('button', { name: 'コードとパスコードを保存' }).click();
  await expect(code.getByRole('textbox', { name: '固有コード' })).toHaveAccessibleDescription(
    /4文字以上にしてください。/,
  );
  await signIn.screenshot({ path: testInfo.outputPath('sign-in-ja.png') });
  await context.close();
});

test('a code locked by failed log-ins is said in its dialog and under Devices, where an admin unlocks it', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(180_000);
  const code = `LOCK-${run}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Buyers' }).click();
  await openBuyer(page, 'Customer-owned');
  const dialog = page.getByRole('dialog', { name: 'Trading terms' });
  const codeGroup = dialog
    .getByRole('region', { name: 'Customer order link sign-in' })
    .getByRole('group', { name: 'Login with Brand-Specific Credentials' });
  await codeGroup
    .getByRole('button', { name: /Set code and passcode|Change the unique code/ })
    .click();
  await codeGroup.getByRole('textbox', { name: 'Unique code' }).fill(code);
  await codeGroup.getByLabel('Passcode').fill(PASSCODE);
  await codeGroup.getByRole('button', { name: 'Save code and passcode' }).click();
  await expect(codeGroup).toContainText(code);
  await page.keyboard.press('Escape');

  // Someone guesses its passcode on the link's log-in, slowly and from many places, as
  // the buyer API's log-in does it, against the hub's own store.
  const store = await openStore(join(shell.dataDir, 'hub', HUB_DATABASE_FILE));
  try {
    const deps = { db: store.db, gate: new HashGate(), passwords: argon2Passwords };
    const start = Date.now();
    for (let n = 0; n < CREDENTIAL_LIMITS.lifetimeFailures; n++) {
      await checkBrandCredentials(deps, {
        code,
        passcode: `guess-${n}`,
        linkId: 'e2e-link',
        address: `198.51.100.${(n % 200) + 1}`,
        now: new Date(start + n * 20 * 60_000),
      }).catch((refusal: unknown) => refusal);
    }
  } finally {
    await store.close();
  }

  await openBuyer(page, 'Customer-owned');
  await expect(codeGroup).toContainText('Locked after too many failed log-ins');
  await codeGroup.screenshot({ path: testInfo.outputPath('sign-in-locked-en.png') });
  await page.keyboard.press('Escape');

  await sections.getByRole('button', { name: 'Devices' }).click();
  const locked = page.getByRole('table', { name: 'Locked accounts' });
  const row = locked.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('Buyer’s unique code');
  await expect(row).toContainText(String(CREDENTIAL_LIMITS.lifetimeFailures));
  await page
    .getByRole('region', { name: 'Locked accounts' })
    .screenshot({ path: testInfo.outputPath('devices-locked-en.png') });
  await row.getByRole('button', { name: /^Unlock/ }).click();
  await expect(row).toHaveCount(0);
});
