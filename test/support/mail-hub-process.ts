import { startHub } from '../../main/hub/start.ts';

/**
 * A hub process for tests of several hub processes on one store: `node
 * mail-hub-process.ts DIR` starts a hub on DIR with mail retries in milliseconds, prints
 * its address, and closes on SIGTERM.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('Usage: mail-hub-process.ts DIR');
const hub = await startHub({
  dataDir,
  port: 0,
  buyerAppDir: null,
  mail: { retry: { baseMs: 40, capMs: 200, maxAttempts: 40 }, staleClaimMs: 3_000, pollMs: 50 },
});
process.stdout.write(`${hub.url}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
