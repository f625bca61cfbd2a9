import { parentPort, workerData } from 'node:worker_threads';
import { sharedClock } from '../time/shared-clock.ts';
import { startHub } from './start.ts';

/**
 * The desktop's built-in hub, in a worker thread of the main process: its own store
 * file, its own event loop, listening on loopback. The desktop syncs with it over HTTP
 * exactly as with a standalone hub.
 */
export interface EmbeddedHubOptions {
  dataDir: string;
  /** Seed the demo brand of this many styles into a new hub; null: ask the person. */
  demoStyles: number | null;
  buyerAppDir: string | null;
  version?: string;
  /** The process's shared clock (see main/time/shared-clock.ts); the wall clock without it. */
  clock?: SharedArrayBuffer;
}

export type FromEmbeddedHub =
  | { type: 'ready'; url: string; seededDemo: boolean }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('embedded-worker.ts runs only as a worker thread');
const options = workerData as EmbeddedHubOptions;

try {
  const hub = await startHub({
    dataDir: options.dataDir,
    port: 0,
    host: '127.0.0.1',
    demo: options.demoStyles ?? false,
    buyerAppDir: options.buyerAppDir,
    ...(options.version ? { version: options.version } : {}),
    ...(options.clock ? { clock: sharedClock(options.clock).now } : {}),
  });
  port.on('message', (message: { type: 'close' }) => {
    if (message.type === 'close')
      void hub.close().then(() => port.postMessage({ type: 'closed' } satisfies FromEmbeddedHub));
  });
  port.postMessage({
    type: 'ready',
    url: hub.url,
    seededDemo: hub.seededDemo !== null,
  } satisfies FromEmbeddedHub);
} catch (error) {
  port.postMessage({
    type: 'fatal',
    message: error instanceof Error ? error.message : String(error),
  } satisfies FromEmbeddedHub);
}
