import { Worker } from 'node:worker_threads';
import { refuseMisshapenInput, type DispatchResult } from '../services/dispatch.ts';
import type {
  BuiltInHubNetwork,
  Caller,
  FromWorker,
  HostRequest,
  ServiceWorkerOptions,
  ToWorker,
} from './messages.ts';

export interface ServiceHost {
  readonly brand: string;
  /** Runs one contract operation in the worker; never rejects. */
  call(name: string, caller: Caller, input: unknown): Promise<DispatchResult>;
  close(): Promise<void>;
}

export interface ServiceHostOptions extends Omit<ServiceWorkerOptions, 'builtInHub'> {
  /** The worker's entry: service-worker.ts from source, or its bundle in Electron. */
  workerFile: URL | string;
  /** Keeps a new device credential (or forgets it, null) when the worker hands it to the host. */
  onCredential?: (token: string | null) => void;
  /** Answers the worker's questions about the built-in hub this host runs; absent without one. */
  onHostRequest?: (request: HostRequest) => Promise<BuiltInHubNetwork>;
}

const UNAVAILABLE: DispatchResult = {
  ok: false,
  error: { code: 'unavailable', message: 'The showroom store has stopped. Restart Trunkshow.' },
};

/** Starts the services worker and answers once its store is open (and seeded, if asked). */
export function startServiceHost(options: ServiceHostOptions): Promise<ServiceHost> {
  const { workerFile, onCredential, onHostRequest, ...workerData } = options;
  const worker = new Worker(workerFile, {
    workerData: {
      ...workerData,
      builtInHub: onHostRequest !== undefined,
    } satisfies ServiceWorkerOptions,
  });
  const pending = new Map<number, (result: DispatchResult) => void>();
  let nextId = 1;
  let stopped = false;

  const failPending = () => {
    stopped = true;
    for (const resolve of pending.values()) resolve(UNAVAILABLE);
    pending.clear();
  };

  return new Promise((resolveHost, rejectHost) => {
    let closed: (() => void) | null = null;
    worker.on('error', (error: unknown) => {
      failPending();
      rejectHost(error instanceof Error ? error : new Error(String(error)));
    });
    worker.on('exit', () => {
      failPending();
      closed?.();
      rejectHost(new Error('The showroom store stopped before it was ready.'));
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          return;
        case 'credential':
          onCredential?.(message.token);
          return;
        case 'host': {
          const answer = onHostRequest
            ? onHostRequest(message.request).catch((error: unknown) => ({
                error: error instanceof Error ? error.message : String(error),
              }))
            : Promise.resolve({ error: 'This app runs without its built-in hub.' });
          void answer.then((reply) =>
            worker.postMessage({
              type: 'hostAnswer',
              id: message.id,
              answer: reply,
            } satisfies ToWorker),
          );
          return;
        }
        case 'fatal':
          rejectHost(new Error(message.message));
          void worker.terminate();
          return;
        case 'closed':
          void worker.terminate();
          return;
        case 'ready':
          resolveHost({
            brand: message.brand,
            call(name, caller, input) {
              if (stopped) return Promise.resolve(UNAVAILABLE);
              const refused = refuseMisshapenInput(input);
              if (refused) return Promise.resolve(refused);
              const id = nextId++;
              return new Promise((resolve) => {
                pending.set(id, resolve);
                worker.postMessage({ type: 'call', id, name, caller, input } satisfies ToWorker);
              });
            },
            close() {
              if (stopped) return Promise.resolve();
              return new Promise((resolve) => {
                closed = resolve;
                worker.postMessage({ type: 'close' } satisfies ToWorker);
              });
            },
          });
      }
    });
  });
}
