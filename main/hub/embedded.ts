import { Worker } from 'node:worker_threads';
import type { EmbeddedHubOptions, FromEmbeddedHub, ToEmbeddedHub } from './embedded-worker.ts';
import type { NetworkServing } from './network-listeners.ts';

export interface EmbeddedHub {
  /** Its loopback address, for this desktop's own sync. */
  readonly url: string;
  readonly port: number;
  readonly seededDemo: boolean;
  /** Whether it serves buyers on the local network, and at which addresses. */
  network(): Promise<NetworkServing>;
  serveOnNetwork(on: boolean): Promise<NetworkServing>;
  close(): Promise<void>;
}

/** Starts the built-in hub's worker and answers once it listens. */
export function startEmbeddedHub(
  options: EmbeddedHubOptions & { workerFile: URL | string },
): Promise<EmbeddedHub> {
  const { workerFile, ...workerData } = options;
  const worker = new Worker(workerFile, { workerData: workerData satisfies EmbeddedHubOptions });
  const asked = new Map<number, (state: NetworkServing) => void>();
  let nextId = 1;
  const ask = (serve: boolean | null) =>
    new Promise<NetworkServing>((resolve) => {
      const id = nextId++;
      asked.set(id, resolve);
      worker.postMessage({ type: 'network', id, serve } satisfies ToEmbeddedHub);
    });
  return new Promise((resolve, reject) => {
    let closed: (() => void) | null = null;
    worker.on('error', reject);
    worker.on('exit', () => {
      closed?.();
      reject(new Error('The built-in hub stopped before it was ready.'));
    });
    worker.on('message', (message: FromEmbeddedHub) => {
      switch (message.type) {
        case 'fatal':
          reject(new Error(message.message));
          void worker.terminate();
          return;
        case 'closed':
          void worker.terminate();
          return;
        case 'network':
          asked.get(message.id)?.(message.network);
          asked.delete(message.id);
          return;
        case 'ready':
          resolve({
            url: message.url,
            port: message.port,
            seededDemo: message.seededDemo,
            network: () => ask(null),
            serveOnNetwork: (on) => ask(on),
            close: () =>
              new Promise<void>((done) => {
                closed = done;
                worker.postMessage({ type: 'close' } satisfies ToEmbeddedHub);
              }),
          });
      }
    });
  });
}
