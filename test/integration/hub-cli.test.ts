import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../main/hub/cli.ts', import.meta.url));
const nodeBinary =
  Number(process.versions.node.split('.')[0]) >= 24
    ? process.execPath
    : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-hub-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(nodeBinary, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitFor(
  check: () => RegExpMatchArray | null,
  what: string,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('npm run hub', () => {
  it('prints its address, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(dir, 'created', 'by-hub');
    const hub = run(['--data', dataDir, '--port', '0']);
    const [, url] = await waitFor(
      () => /^Trunkshow hub listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(hub.stdout()),
      'the listening line',
    );
    expect(url).not.toMatch(/:0$/);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(true);

    hub.child.kill('SIGTERM');
    expect(await hub.exit).toBe(0);
    expect(hub.stdout()).toMatch(/^Hub stopped\.$/m);
    expect(hub.stderr()).toBe('');
    expect(existsSync(join(dataDir, 'hub.sqlite-wal'))).toBe(false);
  });

  it.each([
    [['--port', '0'], /--data is required/],
    [['--data', 'x', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--data', 'x', '--colour', 'red'], /Unknown option --colour/],
  ])('refuses %j with a readable message, usage and exit code 2', async (args, reason) => {
    const hub = run(args);
    expect(await hub.exit).toBe(2);
    expect(hub.stderr()).toMatch(reason);
    expect(hub.stderr()).toMatch(/^Usage: npm run hub -- --data DIR/m);
    expect(hub.stderr()).not.toMatch(/\n\s+at /);
  });

  describe('when the port is taken', () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    it('says so and exits 1', async () => {
      const hub = run(['--data', join(dir, 'busy'), '--port', String(port)]);
      expect(await hub.exit).toBe(1);
      expect(hub.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(hub.stderr()).not.toMatch(/\n\s+at /);
    });
  });
});
