import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { signInAsDemo } from './shell.ts';
import {
  generateLink,
  newSelectionWithTwoUnits,
  openShareModal,
  visitUntil,
} from './share-pages.ts';

/**
 * A trade show with no internet: the rep's computer and a buyer's phone share only the
 * booth's Wi-Fi. Here that network is two network namespaces this test makes, joined by
 * a veth pair with one end in each; no traffic leaves them. The browser shell (showroom
 * and built-in hub) runs in the booth's, a phone-sized Chromium in the phone's; the phone
 * opens the link it reads from the QR code on the rep's screen.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const tag = randomBytes(3).toString('hex');
const BOOTH = `ts-booth-${tag}`;
const PHONE = `ts-phone-${tag}`;
const subnet = `10.${200 + (randomBytes(1)[0]! % 50)}.${randomBytes(1)[0]! % 250}`;
const BOOTH_ADDRESS = `${subnet}.1`;

const root = mkdtempSync(join(tmpdir(), 'trunkshow-booth-'));
let shell: ChildProcess | null = null;
const browsers: Browser[] = [];

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

function canMakeNetworks(): boolean {
  try {
    return process.getuid?.() === 0 && execFileSync('ip', ['netns', 'list']) !== undefined;
  } catch {
    return false;
  }
}

/** Chromium started inside a namespace: Playwright drives it over its pipe as usual. */
function chromiumIn(namespace: string): string {
  const wrapper = join(root, `chromium-${namespace}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${namespace} ${CHROMIUM} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

async function launchIn(namespace: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumIn(namespace),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  browsers.push(browser);
  return browser;
}

// CI runs as root with iproute2, so there it never skips: a CI that lost either fails here
// instead of passing without the only test of a phone reaching the booth over a network.
test.skip(
  !process.env.CI && !canMakeNetworks(),
  'Making network namespaces needs root and iproute2, which this machine lacks; CI has both and runs it.',
);

test.beforeAll(() => {
  ip('netns', 'add', BOOTH);
  ip('netns', 'add', PHONE);
  ip('link', 'add', `tsb${tag}`, 'type', 'veth', 'peer', 'name', `tsp${tag}`);
  ip('link', 'set', `tsb${tag}`, 'netns', BOOTH);
  ip('link', 'set', `tsp${tag}`, 'netns', PHONE);
  for (const [namespace, device, address] of [
    [BOOTH, `tsb${tag}`, BOOTH_ADDRESS],
    [PHONE, `tsp${tag}`, `${subnet}.2`],
  ] as const) {
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
    ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', device);
    ip('-n', namespace, 'link', 'set', device, 'up');
  }
});

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  if (shell) {
    const exited = new Promise((resolve) => shell!.once('exit', resolve));
    shell.kill('SIGTERM');
    await exited;
  }
  for (const namespace of [BOOTH, PHONE]) {
    try {
      ip('netns', 'del', namespace);
    } catch {
      // Already gone.
    }
  }
  rmSync(root, { recursive: true, force: true });
});

/** Starts `npm run start:browser`'s program inside the booth's namespace; answers its address. */
function startShellInBooth(): Promise<string> {
  shell = spawn(
    'ip',
    [
      'netns',
      'exec',
      BOOTH,
      process.execPath,
      'main/shell/browser-shell.ts',
      ...['--data', join(root, 'data'), '--port', '0', '--demo-styles', '60'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    shell!.stdout!.on('data', onData);
    shell!.stderr!.on('data', onData);
    shell!.once('exit', (code) =>
      reject(new Error(`The browser shell exited (${code}):\n${output}`)),
    );
  });
}

test('a phone on the booth network opens the link it scans from the QR code, with no internet', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const showroomUrl = await startShellInBooth();
  const rep = await (await launchIn(BOOTH)).newPage({ viewport: { width: 1280, height: 800 } });
  await rep.goto(showroomUrl);
  await signInAsDemo(rep, 'Maja Lindqvist');

  const sections = rep.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Settings' }).click();
  await rep.getByRole('radio', { name: 'Enabled' }).check();
  await rep.getByRole('button', { name: 'Save settings' }).click();
  await expect(rep.getByText(/Saved on this computer/)).toBeVisible();

  await newSelectionWithTwoUnits(rep, 'Booth without internet');
  const modal = await openShareModal(rep);
  await expect(modal).toContainText('This link opens only on this computer.');
  await modal.getByRole('switch', { name: 'Serve buyers on this network' }).check();
  await expect(modal).toContainText('on the same network as this computer');
  const url = await generateLink(modal);
  expect(url).toMatch(new RegExp(`^http://${BOOTH_ADDRESS.replaceAll('.', '\\.')}:\\d+/s/`));
  await rep.screenshot({ path: testInfo.outputPath('booth-share-modal.png') });

  // What the phone's camera sees: the QR code on the rep's screen.
  const shot = PNG.sync.read(await modal.getByRole('img', { name: /QR code/ }).screenshot());
  // jsqr is CommonJS: its function is the module and, as typed, its default.
  const scanned = jsQRModule.default(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(scanned?.data).toBe(url);

  const phone = await (
    await launchIn(PHONE)
  ).newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const buyer = await phone.newPage();
  await visitUntil(buyer, 'Booth without internet', () => buyer.goto(scanned!.data));
  expect(new URL(buyer.url()).pathname).toBe('/shared');
  await expect(buyer.getByText(/2 units/)).toBeVisible();
  await buyer.screenshot({ path: testInfo.outputPath('phone-shared.png'), fullPage: true });

  // Off again: the phone can no longer reach the hub at all.
  await modal.getByRole('switch', { name: 'Serve buyers on this network' }).uncheck();
  await expect(modal).toContainText('This link opens only on this computer.');
  const unreachable = await buyer
    .goto(scanned!.data, { timeout: 5_000 })
    .then(() => false)
    .catch(() => true);
  expect(unreachable).toBe(true);
});
