import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBrowserTransport } from './browser-transport.ts';
import { defaultDataDir, deviceId } from './data-dir.ts';
import { startServiceHost } from './service-host.ts';

/**
 * The browser shell: the desktop's main-side code under plain Node, its renderer in any
 * browser at a loopback address. Used where Electron's binary is not available, and by
 * the end-to-end tests.
 */
export interface BrowserShellArgs {
  dataDir: string;
  port: number;
  demoStyles: number | null;
}

export const USAGE =
  'Usage: npm run start:browser -- [--data DIR] [--port PORT] [--demo-styles N | --no-demo]';

export function parseBrowserShellArgs(argv: string[], env = process.env): BrowserShellArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      'demo-styles': { type: 'string', default: '300' },
      'no-demo': { type: 'boolean', default: false },
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
  return {
    dataDir: resolve(values.data ?? defaultDataDir(process.platform, env)),
    port,
    demoStyles: values['no-demo'] ? null : demoStyles,
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
  mkdirSync(args.dataDir, { recursive: true });

  const started = performance.now();
  const host = await startServiceHost({
    dataDir: args.dataDir,
    demoStyles: args.demoStyles,
    workerFile: new URL('./service-worker.ts', import.meta.url),
  });
  if (host.seededDemo) console.log(`Created the demo brand "${host.brand}" in ${args.dataDir}.`);

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
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  console.log(
    `Trunkshow browser shell is running at http://127.0.0.1:${port}/?key=${secret} (ready in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log('Open that address in a browser. Press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void app
      .close()
      .then(() => host.close())
      .then(() => {
        console.log('Trunkshow stopped.');
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
