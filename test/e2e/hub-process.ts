import { createServer } from 'node:net';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';

export type { HubProcess };

/** A loopback port free right now, for a hub that must come back on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A standalone demo hub (`npm run hub -- --demo`) on `port`, for desktops to share. */
export function startHubProcess(dataDir: string, port: number): Promise<HubProcess> {
  return spawnHub(dataDir, ['--demo'], port);
}

export function stopProcess(hub: HubProcess): Promise<void> {
  return hub.stop();
}
