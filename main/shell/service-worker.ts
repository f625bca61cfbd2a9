import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { privateDir } from '../platform/private-files.ts';
import type { Actor } from '../services/actor.ts';
import { dispatch } from '../services/dispatch.ts';
import { createHandlers } from '../services/handlers.ts';
import { DesktopSession, type CredentialVault } from '../services/session.ts';
import { openStore } from '../store/database.ts';
import { SyncEngine } from '../sync/engine.ts';
import { sharedClock } from '../time/shared-clock.ts';
import { credentialFile } from './credential-file.ts';
import type { BuiltInHubControl, BuiltInHubNetwork } from '../services/built-in-hub.ts';
import type {
  Caller,
  FromWorker,
  HostRequest,
  ServiceWorkerOptions,
  ToWorker,
} from './messages.ts';

/**
 * The desktop's replica, sync and services, off the window's thread: SQL, imports and
 * sync run here so the window never freezes. Both shells (Electron IPC and the browser
 * shell) talk to this same worker.
 */
const port = parentPort;
if (!port) throw new Error('service-worker.ts runs only as a worker thread');
const options = workerData as ServiceWorkerOptions;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** Questions for the host about the built-in hub it runs, answered over the worker's port. */
function builtInHubOfHost(): BuiltInHubControl {
  const waiting = new Map<number, (answer: BuiltInHubNetwork | { error: string }) => void>();
  let nextId = 1;
  port!.on('message', (message: ToWorker) => {
    if (message.type !== 'hostAnswer') return;
    waiting.get(message.id)?.(message.answer);
    waiting.delete(message.id);
  });
  const ask = (request: HostRequest) =>
    new Promise<BuiltInHubNetwork>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (answer) =>
        'error' in answer ? reject(new Error(answer.error)) : resolve(answer),
      );
      send({ type: 'host', id, request });
    });
  return {
    network: () => ask({ kind: 'builtInHubNetwork' }),
    serveOnNetwork: (on) => ask({ kind: 'builtInHubNetwork', serveOnNetwork: on }),
  };
}

function hostVault(initial: string | null): CredentialVault {
  let token = initial;
  return {
    load: () => Promise.resolve(token),
    save: (value) => {
      token = value;
      send({ type: 'credential', token: value });
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      send({ type: 'credential', token: null });
      return Promise.resolve();
    },
  };
}

async function start(): Promise<void> {
  privateDir(options.dataDir);
  const store = await openStore(join(options.dataDir, 'showroom.sqlite'), 'replica');
  const clock = options.clock ? sharedClock(options.clock).now : () => new Date();
  let session: DesktopSession | null = null;
  const engine = new SyncEngine({
    db: store.db,
    clock,
    onRevoked: () => void session?.revoked(),
  });
  session = new DesktopSession({
    db: store.db,
    engine,
    embeddedHubUrl: options.embeddedHubUrl,
    ...(options.remoteHubUrl
      ? { defaultHub: { kind: 'remote', url: options.remoteHubUrl } as const }
      : {}),
    vault:
      options.credential.kind === 'file'
        ? credentialFile(options.credential.file)
        : hostVault(options.credential.initial),
  });
  await session.resume();
  const handlers = createHandlers({
    db: store.db,
    session,
    engine,
    clock,
    builtInHub: options.builtInHub ? builtInHubOfHost() : null,
  });

  port!.on('message', (message: ToWorker) => {
    if (message.type === 'hostAnswer') return;
    if (message.type === 'close') {
      void engine
        .stop()
        .then(() => store.close())
        .then(() => send({ type: 'closed' }));
      return;
    }
    void dispatch(handlers, message.name, actorFor(session, message.caller), message.input, {
      onInternalError: (name, error) => console.error(`Operation ${name} failed:`, error),
    }).then((result) => {
      const bytes = result.ok ? findTransferable(result.value) : [];
      send({ type: 'result', id: message.id, result }, bytes);
    });
  });

  const brand = await store.db.selectFrom('brand_settings').select('name').executeTakeFirst();
  send({ type: 'ready', brand: brand?.name ?? 'Trunkshow' });
}

/** The signed-in rep or admin; before anyone signs in, the device itself. */
function actorFor(session: DesktopSession | null, caller: Caller): Actor {
  const account = session?.account();
  return account
    ? { kind: 'staff', userId: account.userId, role: account.role, device: account.deviceId }
    : { kind: 'system', reason: `${caller.transport} on ${caller.device} before signing in` };
}

function findTransferable(value: unknown): ArrayBuffer[] {
  if (typeof value === 'object' && value !== null && 'bytes' in value) {
    const bytes = value.bytes;
    if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer) return [bytes.buffer];
  }
  return [];
}

start().catch((error: unknown) => {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
});
