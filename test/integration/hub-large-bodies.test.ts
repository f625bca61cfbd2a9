import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';

/**
 * A stranger's large uploads must cost the hub nothing: the credential is checked
 * before a byte of the body is read. Measured on a standalone hub process, as a brand
 * runs it, by its resident memory while the uploads arrive.
 */
const cli = fileURLToPath(new URL('../../main/hub/cli.ts', import.meta.url));
const nodeBinary =
  Number(process.versions.node.split('.')[0]) >= 24
    ? process.execPath
    : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

const UPLOADS = 48;
const BODY_BYTES = 60 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x61);

let dir = '';
let hub: ReturnType<typeof spawn>;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-large-bodies-'));
  hub = spawn(nodeBinary, [cli, '--data', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    hub.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    hub.once('exit', (code) => reject(new Error(`The hub exited (${code}): ${out}`)));
  });
}, 60_000);

afterAll(() => {
  hub.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Streams a large body without a credential; answers the status, or the error that ended it. */
function upload(type: string): Promise<number | string> {
  return new Promise((resolve) => {
    const target = new URL('/api/catalog/import?name=big.csv', url);
    const sending = request(target, {
      method: 'POST',
      headers: {
        'content-type': type,
        'content-length': String(BODY_BYTES),
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
        authorization: `Bearer ${'not-a-device'.padEnd(43, 'x')}`,
      },
    });
    let answered: number | null = null;
    sending.on('response', (response) => {
      answered = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => resolve(answered!));
    });
    sending.on('error', (error: NodeJS.ErrnoException) =>
      resolve(answered ?? error.code ?? 'error'),
    );
    let sent = 0;
    const more = () => {
      while (sent < BODY_BYTES) {
        sent += CHUNK.length;
        if (!sending.write(CHUNK)) return void sending.once('drain', more);
      }
      sending.end();
    };
    more();
  });
}

describe('large bodies from someone the hub does not know', () => {
  it('are refused before they are read: the hub grows by little while 48 uploads of 60 MiB arrive', async () => {
    const pid = hub.pid!;
    await fetch(`${url}/api/health`);
    const before = residentMiB(pid);
    let peak = before;
    const sampling = setInterval(() => {
      peak = Math.max(peak, residentMiB(pid));
    }, 20);
    const answers = await Promise.all(
      Array.from({ length: UPLOADS }, (_, i) => upload(i % 2 ? 'text/csv' : 'application/json')),
    );
    clearInterval(sampling);
    peak = Math.max(peak, residentMiB(pid));
    // Refused in words (unknown credential; too many unknown ones from here) when the answer
    // arrived first; a connection closed mid-upload otherwise.
    for (const answer of answers) expect([401, 429, 'EPIPE', 'ECONNRESET']).toContain(answer);
    expect(answers).toContain(401);
    expect(peak - before).toBeLessThan(64);
    // And the hub still answers.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  }, 120_000);
});
