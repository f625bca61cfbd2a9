import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HUB_USAGE, HubArgsError, parseHubArgs, type HubArgs } from './args.ts';
import { createHubLogger } from './logging.ts';
import { HubStartError, startHub, type RunningHub } from './start.ts';

/**
 * `npm run hub -- --data DIR [--port PORT] [--host HOST] [--demo]`: a standalone hub.
 * Exit codes: 0 stopped by SIGINT/SIGTERM, 1 could not start or stop, 2 bad arguments.
 */
export async function runHubCli(argv: readonly string[]): Promise<void> {
  let args: HubArgs;
  try {
    args = parseHubArgs(argv);
  } catch (error) {
    if (!(error instanceof HubArgsError)) throw error;
    console.error(error.message);
    console.error(HUB_USAGE);
    process.exit(2);
  }
  if (args.help) {
    console.log(HUB_USAGE);
    return;
  }

  if (args.demo) console.log('Checking whether the store needs the demo brand…');
  let hub: RunningHub;
  try {
    hub = await startHub({
      dataDir: args.dataDir,
      postgres: args.postgres,
      port: args.port,
      host: args.host,
      demo: args.demo,
      publicUrl: args.publicUrl,
      trustProxy: args.trustProxy,
      benchRoutes: args.benchRoutes,
      stripeApi: args.stripeApi,
      logger: createHubLogger(),
    });
  } catch (error) {
    console.error(
      error instanceof HubStartError || error instanceof Error ? error.message : String(error),
    );
    process.exit(1);
  }
  if (hub.seededDemo) {
    console.log(
      `Created the demo brand${hub.seededDemo.brand ? ` "${hub.seededDemo.brand}"` : ''} in ${hub.seededDemo.seconds.toFixed(1)} s.`,
    );
  }
  console.log(`Trunkshow hub listening on ${hub.url}`);
  console.log(`Its store: ${hub.store.location}`);
  if (args.publicUrl) console.log(`Buyers reach it at ${args.publicUrl}`);
  if (args.trustProxy.length > 0) {
    console.log(`Forwarded headers are believed from ${args.trustProxy.join(', ')} only.`);
  }
  if (args.benchRoutes) console.log('Benchmark routes are on: never let buyers reach this hub.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: stopping without waiting for requests to finish.`);
      process.exit(1);
    }
    stopping = true;
    hub.close().then(
      () => {
        console.log('Hub stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`The hub did not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHubCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
