import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedHub, type EmbeddedHub } from '../../main/hub/embedded.ts';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { createBrowserTransport } from '../../main/shell/browser-transport.ts';
import { startServiceHost, type ServiceHost } from '../../main/shell/service-host.ts';

const secret = 'k'.repeat(43);
let dir: string;
let host: ServiceHost;
let hub: EmbeddedHub;
let app: FastifyInstance;
let base: string;
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-shell-'));
  const showroomDir = join(dir, 'showroom');
  mkdirSync(join(showroomDir, 'assets'), { recursive: true });
  writeFileSync(
    join(showroomDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(showroomDir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'bridge.js'), '/* bridge */');
  hub = await startEmbeddedHub({
    dataDir: join(dir, 'data', 'hub'),
    demoStyles: 12,
    buyerAppDir: null,
    port: null,
    serveOnNetwork: false,
    workerFile: new URL('../../main/hub/embedded-worker.ts', import.meta.url),
  });
  host = await startServiceHost({
    dataDir: join(dir, 'data'),
    embeddedHubUrl: hub.url,
    credential: { kind: 'file', file: join(dir, 'data', 'device-credential') },
    workerFile: new URL('../../main/shell/service-worker.ts', import.meta.url),
  });
  app = await createBrowserTransport({
    host,
    secret,
    showroomDir,
    bridgeFile: join(dir, 'bridge.js'),
    device: 'test-device',
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  const opened = await fetch(`${base}/?key=${secret}`, { redirect: 'manual' });
  cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await app.close();
  await host.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

function rpc(name: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/rpc/${name}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-trunkshow-shell': '1', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser shell transport', () => {
  it('answers nothing without the printed key', async () => {
    for (const path of ['/', '/bridge.js', '/media/x']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(401);
      expect(await response.text()).toMatch(/Open the address Trunkshow printed/);
    }
    expect((await fetch(`${base}/?key=wrong`, { redirect: 'manual' })).status).toBe(401);
    const anonymous = await fetch(`${base}/rpc/brand.summary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trunkshow-shell': '1' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });

  it('trades the key for a strict, HttpOnly session cookie and sends the app with its bridge', async () => {
    const opened = await fetch(`${base}/?key=${secret}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(opened.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const page = await fetch(`${base}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.indexOf('/bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses another Host, so no web page can reach it by DNS rebinding', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(base);
      request(
        {
          host: url.hostname,
          port: url.port,
          path: '/',
          headers: { host: 'evil.example:80', cookie },
        },
        (res) => resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('refuses a POST without the bridge header, which a cross-site form cannot send', async () => {
    const response = await fetch(`${base}/rpc/brand.summary`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('carries operations to the worker and its answers back', async () => {
    const signedIn = await rpc('session.signIn', {
      hub: { kind: 'embedded' },
      email: 'jonas@nordlys-atelier.example',
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ ok: true, value: { state: 'signed_in' } });
    expect(statSync(join(dir, 'data', 'device-credential')).mode & 0o777).toBe(0o600);
    expect(await (await rpc('sync.now', {})).json()).toMatchObject({
      ok: true,
      value: { connection: 'online', pending: 0 },
    });

    const summary = await rpc('brand.summary', {});
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as {
      ok: boolean;
      value: { styleCount: number; pricelists: unknown[] };
    };
    expect(body.ok).toBe(true);
    expect(body.value.styleCount).toBe(12);
    expect(body.value.pricelists.length).toBeGreaterThanOrEqual(3);

    const page = (await (await rpc('catalog.search', { query: '', limit: 5 })).json()) as {
      value: { total: number; items: { pictureId: string }[] };
    };
    expect(page.value.total).toBe(12);
    expect(page.value.items).toHaveLength(5);

    const picture = await fetch(`${base}/media/${page.value.items[0]!.pictureId}`, {
      headers: { cookie },
    });
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toContain('image/svg+xml');
    expect(await picture.text()).toContain('<svg');
  });

  it('answers bad input with a readable 4xx and changes nothing', async () => {
    const invalid = await rpc('catalog.search', { limit: 'many' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'limit' }] },
    });

    const unknown = await rpc('catalog.wipe', {});
    expect(unknown.status).toBe(404);

    const broken = await rpc('catalog.search', '{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const missingPicture = await fetch(`${base}/media/nope`, { headers: { cookie } });
    expect(missingPicture.status).toBe(404);
  });

  it('answers JSON nested thousands deep and a lone surrogate in an id with a 400, not a 500', async () => {
    const deep = `{"selectionId": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const nested = await rpc('selections.open', deep);
    expect(nested.status).toBe(400);
    expect(await nested.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The request is nested too deeply to be read.' },
    });
    for (const name of ['shareLinks.list', 'selections.open', 'selections.export']) {
      const surrogate = await rpc(name, '{"selectionId": "\\ud800abc", "format": "csv"}');
      expect(surrogate.status).toBe(400);
      expect(await surrogate.json()).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The request holds text that is not valid Unicode.',
        },
      });
    }
  });
});
