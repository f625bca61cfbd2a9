import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.ts';

export const HAPROXY = '/usr/sbin/haproxy';

export interface LoadBalancer {
  /** http://127.0.0.1:port, the address clients use. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface HaproxyOptions {
  /**
   * Hears HAProxy's log, one line per request as its answer starts: `server method path
   * status caller` (the caller a hash of its credential, never the credential itself).
   */
  onRequest?: (line: string) => void;
  /**
   * How often each instance's health is checked (200 ms by default, so a killed one is
   * out within a second); under a heavy load a busy instance answers its check late, and
   * a load measured behind the balancer wants the README's calmer seconds.
   */
  checkEveryMs?: number;
}

/** The README's haproxy.cfg, on loopback: round robin with a health check and redispatch. */
function haproxyConfig(
  port: number,
  instances: readonly string[],
  logRequests: boolean,
  checkEveryMs: number,
): string {
  return `
global
  maxconn 4096
${logRequests ? '  log stdout format raw local0' : ''}

defaults
  mode http
${
  logRequests
    ? `  log global
  option logasap
  log-format "%s %HM %HP %ST %[var(txn.caller)]"`
    : ''
}
  option forwardfor
  option redispatch 1
  retries 3
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h

frontend hub
  bind 127.0.0.1:${port}
  http-request set-var(txn.caller) req.hdr(authorization),sha1,hex
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  timeout check ${Math.max(1_000, checkEveryMs * 2)}ms
  default-server check inter ${checkEveryMs}ms fall 2 rise 1
${instances.map((url, i) => `  server hub${i + 1} ${new URL(url).host}`).join('\n')}
`;
}

/**
 * Debian's HAProxy in front of `instances` (their URLs) on a free loopback port, in the
 * foreground of a child process.
 */
export async function startHaproxy(
  instances: readonly string[],
  { onRequest, checkEveryMs = 200 }: HaproxyOptions = {},
): Promise<LoadBalancer> {
  if (!existsSync(HAPROXY)) {
    throw new Error(`${HAPROXY} is missing: install Debian's haproxy (.ci/run does).`);
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-haproxy-'));
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, instances, onRequest !== undefined, checkEveryMs));
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) onRequest?.(line);
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 5_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`haproxy exited:\n${errors}`);
    }
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok === true) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not answer within 5 s:\n${errors}`);
    }
    await sleep(20);
  }
  return { url, stop };
}
