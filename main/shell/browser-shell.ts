import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createBrowserTransport } from './browser-transport.ts';
import { defaultDataDir, deviceId } from './data-dir.ts';
import { privateDir } from '../platform/private-files.ts';
import { DEFAULT_BUYER_APP_DIR } from '../hub/start.ts';
import { createHubClient } from '../sync/hub-client.ts';
import { parseTimeTravel, sharedClock, type SharedClock } from '../time/shared-clock.ts';
import { startBuiltInHub } from './built-in-hub.ts';
import { DesktopPreferences } from './preferences.ts';
import { startServiceHost } from './service-host.ts';

/**
 * The browser shell: the desktop's main-side code under plain Node, its renderer in any
 * browser at a loopback address. Used where Electron's binary is not available, and by
 * the end-to-end tests.
 */
export interface BrowserShellArgs {
  dataDir: string;
  port: number;
  /** Seed a new built-in hub with the demo brand of this many styles; null: ask for a brand. */
  demoStyles: number | null;
  /** Sync with this standalone hub instead of running the built-in one. */
  hubUrl: string | null;
  /** Read time travel ("+15d") from standard input: for tests and for showing expiry. */
  timeTravel: boolean;
}

export const USAGE =
  'Usage: npm run start:browser -- [--data DIR] [--port PORT] [--demo-styles N | --no-demo] [--hub URL] [--time-travel]';

export function parseBrowserShellArgs(argv: string[], env = process.env): BrowserShellArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      'demo-styles': { type: 'string', default: '300' },
      'no-demo': { type: 'boolean', default: false },
      hub: { type: 'string' },
      'time-travel': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  const demoStyles = Number(values['demo-styles']);
  if (!Number.isInteger(demoStyles) || demoStyles < 1 || demoStyles > 20_000) {
    throw new Error(
      `--demo-styles must be a whole number from 1 to 20000, not "${values['demo-styles']}"`,
    );
  }
  let hubUrl: string | null = null;
  if (values.hub !== undefined) {
    try {
      const url = new URL(values.hub);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      hubUrl = url.origin;
    } catch {
      throw new Error(
        `--hub must be a hub address like http://127.0.0.1:8787, not "${values.hub}"`,
      );
    }
  }
  return {
    dataDir: resolve(values.data ?? defaultDataDir(process.platform, env)),
    port,
    demoStyles: values['no-demo'] ? null : demoStyles,
    hubUrl,
    timeTravel: values['time-travel'],
  };
}

async function main(): Promise<void> {
  let args: BrowserShellArgs;
  try {
    args = parseBrowserShellArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const showroomDir = join(root, 'dist', 'showroom');
  const bridgeFile = join(root, 'dist', 'shell-bridge', 'bridge.js');
  if (!existsSync(join(showroomDir, 'index.html')) || !existsSync(bridgeFile)) {
    console.error(
      'The showroom is not built yet. Run "npm run build" (npm run start:browser does it for you).',
    );
    process.exit(1);
  }
  privateDir(args.dataDir);

  const started = performance.now();
  const clock = sharedClock();
  const preferences = new DesktopPreferences(args.dataDir);
  const builtIn = args.hubUrl
    ? null
    : await startBuiltInHub({
        dataDir: join(args.dataDir, 'hub'),
        demoStyles: args.demoStyles,
        buyerAppDir: DEFAULT_BUYER_APP_DIR,
        workerFile: new URL('../hub/embedded-worker.ts', import.meta.url),
        clock: clock.memory,
        preferences,
      }).catch((error: unknown) => {
        console.error(`The built-in hub could not start: ${(error as Error).message}`);
        process.exit(1);
      });
  const embeddedHub = builtIn?.hub ?? null;
  if (embeddedHub?.seededDemo) {
    console.log(`Created the demo brand in the built-in hub (${join(args.dataDir, 'hub')}).`);
  }
  if (embeddedHub) {
    const accounts = await demoAccountsOf(embeddedHub.url);
    if (accounts) {
      console.log('Demo accounts (also shown on the sign-in screen):');
      for (const account of accounts) {
        console.log(`  ${account.role.padEnd(5)} ${account.email}  password: ${account.password}`);
      }
      console.log(`Buyer pages: ${embeddedHub.url}/login (the demo buyers are listed there)`);
    }
  }
  const host = await startServiceHost({
    dataDir: args.dataDir,
    embeddedHubUrl: embeddedHub?.url ?? null,
    ...(args.hubUrl ? { remoteHubUrl: args.hubUrl } : {}),
    credential: { kind: 'file', file: join(args.dataDir, 'device-credential') },
    workerFile: new URL('./service-worker.ts', import.meta.url),
    clock: clock.memory,
    ...(builtIn ? { onHostRequest: (request) => builtIn.network(request.serveOnNetwork) } : {}),
  });

  const secret = randomBytes(32).toString('base64url');
  const app = await createBrowserTransport({
    host,
    secret,
    showroomDir,
    bridgeFile,
    device: deviceId(args.dataDir),
  });
  try {
    await app.listen({ host: '127.0.0.1', port: args.port });
  } catch (error) {
    console.error(`Could not listen on 127.0.0.1:${args.port}: ${(error as Error).message}`);
    await host.close();
    await embeddedHub?.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  console.log(
    `Trunkshow browser shell is running at http://127.0.0.1:${port}/?key=${secret} (ready in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log('Open that address in a browser. Press Ctrl+C to stop.');
  if (args.timeTravel) acceptTimeTravel(clock);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void app
      .close()
      .then(() => host.close())
      .then(() => embeddedHub?.close())
      .then(() => {
        console.log('Trunkshow stopped.');
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Moves the app's and the built-in hub's clock forward by what each line of standard
 * input says ("+15d", "36h", "90m"). Only whoever started the process can do it.
 */
function acceptTimeTravel(clock: SharedClock): void {
  console.log('Time travel: type how far to move the clock, e.g. +15d, 36h or 90m.');
  createInterface({ input: process.stdin }).on('line', (line) => {
    const ms = parseTimeTravel(line);
    if (ms === null) {
      console.error(`Time travel takes +<number>d, h or m (e.g. +15d), not "${line.trim()}"`);
      return;
    }
    console.log(`The clock now reads ${clock.advance(ms).toISOString()}`);
  });
}

async function demoAccountsOf(url: string) {
  try {
    return (await createHubClient(url).hello()).demoAccounts;
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
