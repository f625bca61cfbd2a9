import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { startTestHub } from './hub-engine.ts';
import { openDesktop, type TestDesktop, type TestDesktopOptions } from './desktop.ts';

export const DEMO_REP = 'jonas@nordlys-atelier.example';

/**
 * A desktop's own retries, after a sync failed while the hub was stopped, wait this long:
 * for a test in which what desktops queued offline must reach the hub only when, and in
 * the order, the test calls syncNow() (with demo.whileStopped).
 */
export const SYNCS_ONLY_WHEN_ASKED = { retryDelaysMs: [60 * 60 * 1000] } as const;

/**
 * A real hub on the small demo brand for a test file, and desktops signed in to it.
 * The hub can be stopped and started again on the same port and data, as a rep's
 * network would see it go and come back; desktops opened are closed after each test.
 */
export function useDemoHub(prefix: string) {
  let root = '';
  // The hub's clock runs this far ahead of the wall clock: time travel without sleeping.
  let aheadMs = 0;
  const clock = () => new Date(Date.now() + aheadMs);
  let running: RunningHub | null = null;
  let port = 0;
  const desktops: TestDesktop[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    running = await startTestHub({
      dataDir: join(root, 'hub'),
      port: 0,
      demo: 20,
      buyerAppDir: null,
      clock,
    });
    port = running.port;
  });
  afterEach(async () => {
    aheadMs = 0;
    while (desktops.length > 0) await desktops.pop()!.close();
  });
  afterAll(async () => {
    await running?.close();
    rmSync(root, { recursive: true, force: true });
  });

  return {
    get hub(): RunningHub {
      if (!running) throw new Error('The demo hub is not running');
      return running;
    },
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    /** The hub's folder: its keys on either engine, its store file on SQLite. */
    get dataDir() {
      return join(root, 'hub');
    },
    /** Moves the hub's clock this many days ahead of now (0 to come back). */
    travel(days: number) {
      aheadMs = days * 24 * 60 * 60 * 1000;
    },
    /** Closes the hub: desktops find it unreachable until start(). */
    async stop() {
      await running?.close();
      running = null;
    },
    /**
     * Stops the hub while `offline` runs (the desktops queue what they queue) and starts it
     * again: desktops opened SYNCS_ONLY_WHEN_ASKED then send their queues when told, not
     * by a retry of their own. (Waiting for their failed sends while the hub was down could
     * wait out a request's whole timeout: one begun as the hub stopped can stay open.)
     */
    async whileStopped<T>(offline: () => Promise<T>) {
      await this.stop();
      const queued = await offline();
      await this.start();
      return queued;
    },
    /** Starts the hub again on its port and data. */
    async start() {
      running = await startTestHub({
        dataDir: join(root, 'hub'),
        port,
        buyerAppDir: null,
        clock,
      });
    },
    /** Closes a desktop opened outside desktop() with the others after the test. */
    track(opened: TestDesktop) {
      desktops.push(opened);
      return opened;
    },
    /** A new desktop signed in as one of the demo people and synced once. */
    async desktop(
      email = DEMO_REP,
      options: Pick<TestDesktopOptions, 'clientFor' | 'retryDelaysMs'> = {},
    ): Promise<TestDesktop> {
      const opened = await openDesktop({ embeddedHubUrl: this.url, ...options });
      desktops.push(opened);
      await opened.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
      await opened.engine.syncNow();
      return opened;
    },
  };
}
