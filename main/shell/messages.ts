import type { BuiltInHubNetwork } from '../services/built-in-hub.ts';
import type { DispatchResult } from '../services/dispatch.ts';

export type { BuiltInHubNetwork };

/** Which shell a call came through, and from which device; the worker turns it into an actor. */
export interface Caller {
  transport: 'ipc' | 'browser-shell';
  device: string;
}

export interface ServiceWorkerOptions {
  /** Folder holding the desktop's replica (showroom.sqlite). */
  dataDir: string;
  /** The built-in hub's address, or null when this desktop runs without one. */
  embeddedHubUrl: string | null;
  /** The standalone hub the sign-in form offers first, when this desktop was started for one. */
  remoteHubUrl?: string;
  /**
   * Where the device credential lives: a file the worker reads and writes itself, or
   * the host (Electron's main thread, which alone can use safeStorage), which passes
   * the stored credential in and is sent every new one.
   */
  credential: { kind: 'file'; file: string } | { kind: 'host'; initial: string | null };
  /** The process's shared clock (see main/time/shared-clock.ts); the wall clock without it. */
  clock?: SharedArrayBuffer;
  /** Whether the host runs a built-in hub it can be asked about (see HostRequest). */
  builtInHub: boolean;
}

/** What the services worker asks of the host: the built-in hub's network, or a change to it. */
export interface HostRequest {
  kind: 'builtInHubNetwork';
  serveOnNetwork?: boolean;
}

export type ToWorker =
  | { type: 'call'; id: number; name: string; caller: Caller; input: unknown }
  | { type: 'hostAnswer'; id: number; answer: BuiltInHubNetwork | { error: string } }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; brand: string }
  | { type: 'result'; id: number; result: DispatchResult }
  | { type: 'host'; id: number; request: HostRequest }
  | { type: 'credential'; token: string | null }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
