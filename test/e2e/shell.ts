import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type FileChooser, type Page } from '@playwright/test';

export interface BrowserShell {
  /** The printed address, with its per-start key. */
  url: string;
  dataDir: string;
  /**
   * Moves the showroom's and its built-in hub's clock forward (started with
   * `timeTravel`); answers the new time once both read it.
   */
  travel(days: number): Promise<Date>;
  /** Everything the shell has printed so far, standard output and error: its log. */
  output(): string;
  stop(): Promise<number | null>;
}

export interface BrowserShellOptions {
  demoStyles?: number | null;
  dataDir?: string;
  hubUrl?: string;
  timeTravel?: boolean;
}

/** Starts `main/shell/browser-shell.ts` exactly as `npm run start:browser` does, on a fresh data folder. */
export async function startBrowserShell(options: BrowserShellOptions = {}): Promise<BrowserShell> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'trunkshow-e2e-'));
  const demo =
    options.demoStyles === null
      ? ['--no-demo']
      : ['--demo-styles', String(options.demoStyles ?? 120)];
  const hub = options.hubUrl ? ['--hub', options.hubUrl] : [];
  const timeTravel = options.timeTravel ? ['--time-travel'] : [];
  const child = spawn(
    process.execPath,
    [
      'main/shell/browser-shell.ts',
      ...['--data', dataDir, '--port', '0'],
      ...demo,
      ...hub,
      ...timeTravel,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await printedUrl(child);
  return {
    url,
    dataDir,
    output: () => output,
    travel: (days) =>
      new Promise((resolve, reject) => {
        if (!options.timeTravel) {
          reject(new Error('This browser shell was started without timeTravel'));
          return;
        }
        const onData = (chunk: Buffer) => {
          const moved = /The clock now reads (\S+)/.exec(chunk.toString());
          if (!moved?.[1]) return;
          child.stdout?.off('data', onData);
          resolve(new Date(moved[1]));
        };
        child.stdout?.on('data', onData);
        child.stdin?.write(`+${days}d\n`);
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => {
          if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`The browser shell exited (${code}):\n${output}`)),
    );
  });
}

/** Signs the showroom in with one of the demo accounts listed on the sign-in screen. */
export async function signInAsDemo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Use ${name}` }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Sync status: Online/ }).waitFor({ timeout: 30_000 });
}

/** The first style numbers of the demo brand, read from the catalog the rep sells from. */
export async function styleNumbersOf(page: Page, count: number): Promise<string[]> {
  return page.evaluate(async (limit) => {
    const api = (
      window as unknown as {
        trunkshow: {
          invoke: (n: string, i: object) => Promise<{ items: { styleNumber: string }[] }>;
        };
      }
    ).trunkshow;
    const found = await api.invoke('catalog.search', { query: '', limit });
    return found.items.map((item) => item.styleNumber);
  }, count);
}

/** Signs out the person shown in the account button (`from`) and signs in as `to`. */
export async function switchAccount(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAsDemo(page, to);
}

/** Picks CSV files in Import CSV's file picker, as an admin does; the report dialog follows. */
export async function importCsv(
  page: Page,
  files: Parameters<FileChooser['setFiles']>[0],
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('button', { name: /Import CSV/ })
    .first()
    .click();
  await (await chooser).setFiles(files);
}

/**
 * A browser shell per test file, started once, its demo brand in the built-in hub and
 * the device signed in as the brand's admin (the device stays signed in across pages).
 */
export const test = base.extend<
  object,
  { shell: BrowserShell; shellOptions: Pick<BrowserShellOptions, 'timeTravel'> }
>({
  shellOptions: [{}, { scope: 'worker', option: true }],
  shell: [
    async ({ browser, shellOptions }, use) => {
      const shell = await startBrowserShell(shellOptions);
      const page = await browser.newPage();
      await page.goto(shell.url);
      await signInAsDemo(page, 'Maja Lindqvist');
      await page.close();
      await use(shell);
      await shell.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
