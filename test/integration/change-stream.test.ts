import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HUB_DATABASE_FILE, MAIL_KEY_FILE } from '../../main/hub/start.ts';
import { inTransaction } from '../../main/store/transactions.ts';
import { CHANGE_NOTICE_GAP_MS, PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
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

  it('lets the hub stop while a device that asked to listen is still being checked', async () => {
    const rep = await demo.desktop();
    const { token } = rep.session.hub('test');
    await rep.engine.stop();
    // Every connection to the store held, so the listener's check waits for one.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: 12 }, () => inTransaction(demo.hub.store.db, () => released));
    const listening = listen(token).then(
      (answer) => answer.status,
      () => 'cut',
    );
    await sleep(200);
    const stopped = demo.stop();
    await sleep(100);
    release();
    await Promise.all(held);
    expect(await Promise.race([stopped.then(() => 'stopped'), sleep(5_000, 'still open')])).toBe(
      'stopped',
    );
    expect([503, 'cut']).toContain(await listening);
    await demo.start();
  });

  it('tells a listening desktop of a burst of changes at once, then at most once a gap', async () => {
    const rep = await demo.desktop();
    const { token } = rep.session.hub('test');
    await rep.engine.stop();
    const stream = await listen(token);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const heard: number[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        const text = decoder.decode(value as Uint8Array);
        for (const _ of text.matchAll(/event: changed/g)) heard.push(performance.now());
      }
    })();
    await sleep(CHANGE_NOTICE_GAP_MS + 100);
    heard.length = 0;
    // Writes on the hub for two and a half gaps, one every 20 ms: a show floor of scans.
    const start = performance.now();
    while (performance.now() - start < 2.5 * CHANGE_NOTICE_GAP_MS) {
      demo.hub.store.notices.notify();
      await sleep(20);
    }
    await sleep(CHANGE_NOTICE_GAP_MS + 200);
    await stream.body!.cancel().catch(() => undefined);
    await reading;
    // The first at once; then one a gap, the last covering the burst's end.
    expect(heard[0]! - start).toBeLessThan(CHANGE_NOTICE_GAP_MS / 2);
    expect(heard.length).toBeGreaterThanOrEqual(3);
    expect(heard.length).toBeLessThanOrEqual(4);
    expect(heard.at(-1)! - start).toBeGreaterThanOrEqual(2.5 * CHANGE_NOTICE_GAP_MS - 100);
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
  it('is readable by its user only, in a folder only its user may enter', () => {
    const mode = (name: string) => statSync(join(demo.dataDir, name)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    // The key that seals the brand's secrets is in the folder on either engine; the store
    // and its log are too on SQLite (PostgreSQL's files are its server's to guard).
    const files = [
      MAIL_KEY_FILE,
      ...(TEST_HUB_ENGINE === 'sqlite' ? [HUB_DATABASE_FILE, `${HUB_DATABASE_FILE}-wal`] : []),
    ];
    for (const file of files) expect(mode(file), file).toBe(0o600);
  });
});
