import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { DEMO_REP, useDemoHub } from '../support/demo-hub.ts';
import { TEST_HUB_ENGINE } from '../support/hub-engine.ts';

const demo = useDemoHub('trunkshow-change-stream-');
const ADMIN = 'maja@nordlys-atelier.example';

function listen(token: string, method: 'GET' | 'HEAD' = 'GET') {
  return fetch(`${demo.url}/api/sync/events`, {
    method,
    headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max) },
    signal: AbortSignal.timeout(5_000),
  });
}

/** Reads a stream until some text arrives, or answers that it ended first. */
function eventsOf(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  return async (text: string): Promise<'heard' | 'ended'> => {
    for (;;) {
      if (seen.includes(text)) {
        seen = seen.slice(seen.indexOf(text) + text.length);
        return 'heard';
      }
      const { value, done } = await reader.read();
      if (done) return 'ended';
      seen += decoder.decode(value as Uint8Array);
    }
  };
}

describe("the hub's change stream", () => {
  it('answers HEAD at once, and both answers carry the security headers', async () => {
    const rep = await demo.desktop();
    const { token } = rep.session.hub('test');
    const head = await listen(token, 'HEAD');
    expect(head.status).toBe(200);
    const stream = await listen(token);
    for (const answer of [head, stream]) {
      expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    await stream.body!.cancel();
  });

  it('stops telling a device about changes once an admin revokes it', async () => {
    const rep = await demo.desktop();
    const admin = await demo.desktop(ADMIN);
    const { token, deviceId } = rep.session.hub('test');
    await rep.engine.stop();
    const until = eventsOf(await listen(token));
    expect(await until('event: hello')).toBe('heard');
    const { client, token: adminToken } = admin.session.hub('test');
    await client.revokeDevice(adminToken, deviceId);
    expect(await until('event: changed')).toBe('ended');
  });

  it('takes as many listeners as there are reps online without a leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const rep = await demo.desktop(DEMO_REP);
    const { token } = rep.session.hub('test');
    const streams = await Promise.all(Array.from({ length: 15 }, () => listen(token)));
    expect(streams.every((stream) => stream.status === 200)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('warning', onWarning);
    await Promise.all(streams.map((stream) => stream.body!.cancel()));
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe("the hub's store", () => {
  // Skipped on PostgreSQL: this checks the modes of hub.sqlite and its folder, and a hub
  // on PostgreSQL has no store file; the database server owns and guards its files.
  it.skipIf(TEST_HUB_ENGINE === 'postgres')(
    'is readable by its user only, in a folder only its user may enter',
    () => {
      const file = demo.hub.store.location;
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    },
  );
});
