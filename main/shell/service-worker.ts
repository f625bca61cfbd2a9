import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoBrand } from '../demo/generate.ts';
import type { Actor } from '../services/actor.ts';
import { dispatch } from '../services/dispatch.ts';
import { createHandlers } from '../services/handlers.ts';
import { openStore, type StoreDb } from '../store/database.ts';
import type { Caller, FromWorker, ServiceWorkerOptions, ToWorker } from './messages.ts';

/**
 * The desktop's store and services, off the window's thread: SQL and imports run here
 * so the window never freezes. Both shells (Electron IPC and the browser shell) talk
 * to this same worker.
 */
const port = parentPort;
if (!port) throw new Error('service-worker.ts runs only as a worker thread');
const options = workerData as ServiceWorkerOptions;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

async function start(): Promise<void> {
  mkdirSync(options.dataDir, { recursive: true });
  const store = await openStore(join(options.dataDir, 'showroom.sqlite'));
  const seededDemo = await seedDemoIfEmpty(store.db);
  const handlers = createHandlers(store.db);
  const operator = await localOperator(store.db);

  port!.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      void store.close().then(() => send({ type: 'closed' }));
      return;
    }
    void dispatch(handlers, message.name, actorFor(operator, message.caller), message.input, {
      onInternalError: (name, error) => console.error(`Operation ${name} failed:`, error),
    }).then((result) => {
      const bytes = result.ok ? findTransferable(result.value) : [];
      send({ type: 'result', id: message.id, result }, bytes);
    });
  });

  const brand = await store.db.selectFrom('brand_settings').select('name').executeTakeFirst();
  send({ type: 'ready', brand: brand?.name ?? 'Trunkshow', seededDemo });
}

async function seedDemoIfEmpty(db: StoreDb): Promise<boolean> {
  if (options.demoStyles === null) return false;
  const existing = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await generateDemoBrand(db, { styles: options.demoStyles });
  return true;
}

interface Operator {
  id: string;
  role: 'admin' | 'rep';
}

/**
 * Until reps sign in on a device, the desktop acts as the brand's first admin; the
 * audit log still names the device each change came from.
 */
async function localOperator(db: StoreDb): Promise<Operator | null> {
  const admin = await db
    .selectFrom('staff_users')
    .select(['id', 'role'])
    .orderBy('role')
    .orderBy('created_at')
    .executeTakeFirst();
  return admin ?? null;
}

function actorFor(operator: Operator | null, caller: Caller): Actor {
  return operator
    ? { kind: 'staff', userId: operator.id, role: operator.role, device: caller.device }
    : { kind: 'system', reason: `${caller.transport} on ${caller.device} before any staff exist` };
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
