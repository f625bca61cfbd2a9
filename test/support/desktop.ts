import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { DesktopSession, type CredentialVault } from '../../main/services/session.ts';
import { openStore, type Store } from '../../main/store/database.ts';
import { SyncEngine } from '../../main/sync/engine.ts';
import type { HubClient } from '../../main/sync/hub-client.ts';

/** A desktop's replica, sync engine and session, run in-process against a real hub. */
export interface TestDesktop {
  store: Store;
  engine: SyncEngine;
  session: DesktopSession;
  dir: string;
  close(): Promise<void>;
}

export function memoryVault(): CredentialVault & { token: string | null } {
  const vault = {
    token: null as string | null,
    load: () => Promise.resolve(vault.token),
    save: (token: string) => {
      vault.token = token;
      return Promise.resolve();
    },
    clear: () => {
      vault.token = null;
      return Promise.resolve();
    },
  };
  return vault;
}

export interface TestDesktopOptions {
  embeddedHubUrl?: string | null;
  dir?: string;
  vault?: CredentialVault;
  pullLimit?: number;
  clientFor?: (url: string) => HubClient;
  /** How long the engine waits before trying a failed sync again by itself. */
  retryDelaysMs?: readonly number[];
}

export async function openDesktop(options: TestDesktopOptions = {}): Promise<TestDesktop> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trunkshow-desktop-'));
  const store = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  let session: DesktopSession | null = null;
  const engine = new SyncEngine({
    db: store.db,
    retryDelaysMs: options.retryDelaysMs ?? [50, 100, 200],
    pollMs: 60_000,
    ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}),
    onRevoked: () => void session?.revoked(),
  });
  session = new DesktopSession({
    db: store.db,
    engine,
    vault: options.vault ?? memoryVault(),
    embeddedHubUrl: options.embeddedHubUrl ?? null,
    deviceName: 'Test desktop',
    ...(options.clientFor ? { clientFor: options.clientFor } : {}),
  });
  await session.resume();
  return {
    store,
    engine,
    session,
    dir,
    async close() {
      await engine.stop();
      await store.close();
    },
  };
}

/**
 * A new desktop on the hub at `hubUrl` (or the load balancer in front of its instances),
 * signed in as `email` and synced once; it is the caller's to close.
 */
export async function signedInDesktop(hubUrl: string, email: string): Promise<TestDesktop> {
  const desktop = await openDesktop({ embeddedHubUrl: hubUrl });
  await desktop.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
  await desktop.engine.syncNow();
  return desktop;
}

/** What a desktop's services are called with. */
export function servicesOf(d: TestDesktop) {
  return {
    db: d.store.db,
    session: d.session,
    engine: d.engine,
    clock: () => new Date(),
    builtInHub: null,
  };
}
