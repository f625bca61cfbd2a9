import { Worker } from 'node:worker_threads';
import type { EmbeddedHubOptions, FromEmbeddedHub } from './embedded-worker.ts';

export interface EmbeddedHub {
  readonly url: string;
  readonly seededDemo: boolean;
  close(): Promise<void>;
}

/** Starts the built-in hub's worker and answers once it listens. */
export function startEmbeddedHub(
  options: EmbeddedHubOptions & { workerFile: URL | string },
): Promise<EmbeddedHub> {
  const { workerFile, ...workerData } = options;
  const worker = new Worker(workerFile, { workerData: workerData satisfies EmbeddedHubOptions });
  return new Promise((resolve, reject) => {
    let closed: (() => void) | null = null;
    worker.on('error', reject);
    worker.on('exit', () => {
      closed?.();
      reject(new Error('The built-in hub stopped before it was ready.'));
    });
    worker.on('message', (message: FromEmbeddedHub) => {
      if (message.type === 'fatal') {
        reject(new Error(message.message));
        void worker.terminate();
      } else if (message.type === 'closed') {
        void worker.terminate();
      } else {
        resolve({
          url: message.url,
          seededDemo: message.seededDemo,
          close: () =>
            new Promise<void>((done) => {
              closed = done;
              worker.postMessage({ type: 'close' });
            }),
        });
      }
    });
  });
}
