import { parentPort, workerData } from 'node:worker_threads';
import { sharedClock } from '../time/shared-clock.ts';
import { networkListeners, type NetworkServing } from './network-listeners.ts';
import { startHub } from './start.ts';

/**
 * The desktop's built-in hub, in a worker thread of the main process: its own store
 * file, its own event loop, listening on loopback at the port it keeps across restarts,
 * and on the local network too when the rep turns that on. The desktop syncs with it
 * over HTTP exactly as with a standalone hub.
 */
export interface EmbeddedHubOptions {
  dataDir: string;
  /** Seed the demo brand of this many styles into a new hub; null: ask the person. */
  demoStyles: number | null;
  buyerAppDir: string | null;
  /**
   * The port it listened on before, so links made then still open; another is taken
   * (and said) when something else holds it. Null at the first start: any free port.
   */
  port: number | null;
  /** Serve buyers on the local network from the start (the rep left it on). */
  serveOnNetwork: boolean;
  version?: string;
  /** The process's shared clock (see main/time/shared-clock.ts); the wall clock without it. */
  clock?: SharedArrayBuffer;
}

export type ToEmbeddedHub =
  { type: 'close' } | { type: 'network'; id: number; serve: boolean | null };

export type FromEmbeddedHub =
  | { type: 'ready'; url: string; port: number; seededDemo: boolean; network: NetworkServing }
  | { type: 'network'; id: number; network: NetworkServing }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('embedded-worker.ts runs only as a worker thread');
const options = workerData as EmbeddedHubOptions;
const send = (message: FromEmbeddedHub) => port.postMessage(message);

try {
  const hub = await startHub({
    dataDir: options.dataDir,
    port: options.port ?? 0,
    anyPortIfTaken: true,
    host: '127.0.0.1',
    demo: options.demoStyles ?? false,
    buyerAppDir: options.buyerAppDir,
    ...(options.version ? { version: options.version } : {}),
    ...(options.clock ? { clock: sharedClock(options.clock).now } : {}),
  });
  const network = networkListeners(hub.app, hub.port);
  const serving = options.serveOnNetwork ? await network.serve(true) : network.state();
  port.on('message', (message: ToEmbeddedHub) => {
    if (message.type === 'close') {
      void network
        .close()
        .then(() => hub.close())
        .then(() => send({ type: 'closed' }));
    } else {
      const answer =
        message.serve === null ? Promise.resolve(network.state()) : network.serve(message.serve);
      void answer.then((state) => send({ type: 'network', id: message.id, network: state }));
    }
  });
  send({
    type: 'ready',
    url: hub.url,
    port: hub.port,
    seededDemo: hub.seededDemo !== null,
    network: serving,
  });
} catch (error) {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
}
