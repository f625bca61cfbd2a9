import { spawn } from 'node:child_process';
import { hubDb } from '../../main/store/database.ts';
import { openTestHubStore, testHubPostgres } from './hub-engine.ts';

export interface HubProcess {
  url: string;
  stop(): Promise<void>;
  /** SIGKILL: the process ends at once, mid-write maybe, as in a crash. */
  kill(): Promise<void>;
}

/**
 * A standalone hub on `dataDir` in its own process, as `npm run hub` runs in production;
 * `options` are further command-line options (e.g. `--trust-proxy`), `port` one to keep
 * (a hub stopped and started again on the same address), any free one by default.
 */
export async function spawnHub(
  dataDir: string,
  options: string[] = [],
  port = 0,
): Promise<HubProcess> {
  // HUB_PROFILE=<dir>: each hub writes a CPU profile there when it stops (benchmarks).
  const profile = process.env.HUB_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HUB_PROFILE}`]
    : [];
  const postgres = await testHubPostgres(dataDir);
  const child = spawn(
    process.execPath,
    [
      ...profile,
      'main/hub/cli.ts',
      '--data',
      dataDir,
      ...(postgres ? ['--postgres', postgres] : []),
      '--port',
      String(port),
      ...options,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /hub listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        // From here on its log is read and dropped: keeping it, and searching it on every
        // line, would load this process and slow what it measures.
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The hub exited (${code}):\n${output}`)));
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Reads the store of a hub running on `dataDir`, beside it (WAL lets both). */
export async function readHubStore<T>(
  dataDir: string,
  read: (db: ReturnType<typeof hubDb>) => Promise<T>,
): Promise<T> {
  const store = await openTestHubStore(dataDir);
  try {
    return await read(hubDb(store.db));
  } finally {
    await store.close();
  }
}
