import type { DispatchResult } from '../services/dispatch.ts';

/** Which shell a call came through, and from which device; the worker turns it into an actor. */
export interface Caller {
  transport: 'ipc' | 'browser-shell';
  device: string;
}

export interface ServiceWorkerOptions {
  /** Folder holding the desktop's store file. */
  dataDir: string;
  /** Seed the demo brand, of this many styles, when the store is empty; null: never. */
  demoStyles: number | null;
}

export type ToWorker =
  { type: 'call'; id: number; name: string; caller: Caller; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; brand: string; seededDemo: boolean }
  | { type: 'result'; id: number; result: DispatchResult }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
