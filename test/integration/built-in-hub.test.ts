import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBuiltInHub, type BuiltInHub } from '../../main/shell/built-in-hub.ts';
import { DesktopPreferences } from '../../main/shell/preferences.ts';

/**
 * The desktop's built-in hub keeps its address across restarts, so the links, QR codes
 * and emails a rep made yesterday still open today.
 */
const dirs: string[] = [];
const running: BuiltInHub[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((builtIn) => builtIn.hub.close()));
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function desktopFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-built-in-hub-'));
  dirs.push(dir);
  return dir;
}

/** Starts the built-in hub as the shells do, with the preferences read afresh (a new start). */
async function start(dataDir: string): Promise<BuiltInHub> {
  const builtIn = await startBuiltInHub({
    dataDir: join(dataDir, 'hub'),
    demoStyles: null,
    buyerAppDir: null,
    workerFile: new URL('../../main/hub/embedded-worker.ts', import.meta.url),
    preferences: new DesktopPreferences(dataDir),
  });
  running.push(builtIn);
  return builtIn;
}

async function stop(builtIn: BuiltInHub): Promise<void> {
  running.splice(running.indexOf(builtIn), 1);
  await builtIn.hub.close();
}

/** Another program holding a port on the loopback address. */
function holdPort(port: number): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

describe("the desktop's built-in hub", () => {
  it('chooses a port at its first start and keeps it at every start after', async () => {
    const dataDir = desktopFolder();
    const first = await start(dataDir);
    const port = first.hub.port;
    expect(port).toBeGreaterThan(0);
    expect(new DesktopPreferences(dataDir).hubPort).toBe(port);
    expect((await first.network()).movedFrom).toBeNull();
    await stop(first);

    const again = await start(dataDir);
    expect(again.hub.port).toBe(port);
    expect(again.hub.url).toBe(`http://127.0.0.1:${port}`);
    expect((await again.network()).movedFrom).toBeNull();
  });

  it('takes another port when another program holds its own, keeps that one, and says so', async () => {
    const dataDir = desktopFolder();
    const first = await start(dataDir);
    const port = first.hub.port;
    await stop(first);
    await holdPort(port);

    const moved = await start(dataDir);
    expect(moved.hub.port).not.toBe(port);
    expect(await moved.network()).toMatchObject({ port: moved.hub.port, movedFrom: port });
    expect((await fetch(`${moved.hub.url}/api/health`)).status).toBe(200);
    expect(new DesktopPreferences(dataDir).hubPort).toBe(moved.hub.port);
    await stop(moved);

    // Kept: the next start is on the new port, and has nothing more to say.
    const after = await start(dataDir);
    expect(after.hub.port).toBe(moved.hub.port);
    expect((await after.network()).movedFrom).toBeNull();
  });
});
