import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DTC_CHECKOUT_PATH_PREFIX } from '../../main/domain/dtc.ts';
import { startHub, type RunningHub } from '../../main/hub/start.ts';
import { engineOf } from '../../main/store/database.ts';
import { migrationsByKind } from '../../main/store/migrations/index.ts';
import { startTestHub, TEST_HUB_ENGINE } from '../support/hub-engine.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const INDEX_HTML =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>';

/** A DTC checkout link's page on the hub: `/dtc/<basket>/<hash>`. */
const DTC_PAGE = `${DTC_CHECKOUT_PATH_PREFIX}019a7d5e-3c1b-7f00-8a4e-2b6f0c9d1e23/q3Xh1vJd0mYF6kq7ZB9sVt2cN4pR8wLe5aUiOgHjKx0`;

let dir: string;
let hub: RunningHub;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-hub-'));
  const buyerAppDir = join(dir, 'buyer');
  mkdirSync(join(buyerAppDir, 'assets'), { recursive: true });
  writeFileSync(join(buyerAppDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(buyerAppDir, 'assets', 'index-AbCd1234.js'), 'export {};');
  hub = await startTestHub({ dataDir: join(dir, 'data'), port: 0, buyerAppDir });
  await hub.store.db
    .insertInto('brand_settings')
    .values({
      id: 1,
      name: 'Maison Kaori',
      default_language: 'en',
      updated_at: new Date().toISOString(),
    })
    .execute();
});

afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${hub.url}${path}`, init);

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]) {
    expect(csp.split('; ')).toContain(directive);
  }
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-robots-tag')).toMatch(/^noindex/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('hub over HTTP', () => {
  it("keeps its store on the engine the test project names (the conformance suite's premise)", () => {
    expect(engineOf(hub.store.db).name).toBe(TEST_HUB_ENGINE);
  });

  it('reports health: version, schema, brand and uptime', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: packageJson.version,
      schemaVersion: Object.keys(migrationsByKind.hub).at(-1),
      brand: 'Maison Kaori',
      uptimeSeconds: expect.any(Number),
    });
  });

  it("lists no buyer logins on a real brand's hub", async () => {
    const response = await get('/api/buyer/demo-accounts');
    expect(await response.json()).toEqual({ accounts: null });
  });

  it('publishes an OpenAPI 3 document listing its routes', async () => {
    const response = await get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/health']?.get?.responses).toHaveProperty('200');
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api/'))).toBe(true);
  });

  it('sends the security headers on pages, API answers and 404s', async () => {
    for (const path of ['/', '/api/health', '/api/nowhere', '/nothing.txt', '/s/abc', DTC_PAGE]) {
      const response = await get(path);
      expectSecurityHeaders(response);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('lets browsers keep hashed assets but nothing else', async () => {
    const response = await get('/assets/index-AbCd1234.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(response);
  });

  it('serves the buyer app for page addresses, such as a share link', async () => {
    for (const path of ['/', '/s/abc', '/s/abc/checkout?lang=ja', DTC_PAGE, `${DTC_PAGE}.`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toBe(INDEX_HTML);
    }
  });

  it('answers unknown API paths and missing assets with a readable 404, not the app', async () => {
    const api = await get('/api/nowhere');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/nowhere') },
    });
    const asset = await get('/assets/missing-12345678.js');
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type')).not.toMatch(/html/);
  });

  it.each([
    ['invalid JSON', { 'content-type': 'application/json' }, '{"broken', 400, 'invalid_json'],
    ['empty JSON', { 'content-type': 'application/json' }, '', 400, 'invalid_json'],
    [
      'a huge body',
      { 'content-type': 'application/json' },
      JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }),
      413,
      'payload_too_large',
    ],
    [
      'a body of an unknown type',
      { 'content-type': 'application/x-foo' },
      'hello',
      404,
      'not_found',
    ],
    ['JSON to a GET-only route', { 'content-type': 'application/json' }, '{}', 404, 'not_found'],
  ])('refuses %s with a readable 4xx, never a 500', async (_what, headers, body, status, code) => {
    const response = await get('/api/health', { method: 'POST', headers, body });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe(code);
    expect(answer.error.message.length).toBeGreaterThan(10);
    expectSecurityHeaders(response);
    // Still serving afterwards.
    expect((await get('/api/health')).status).toBe(200);
  });

  it('refuses a malformed address with a readable 400', async () => {
    const response = await get('/api/%zz');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_input',
    );
    expectSecurityHeaders(response);
  });

  it('refuses JSON nested thousands deep and text that is not Unicode with a readable 400', async () => {
    const send = (body: string) =>
      get('/api/buyer/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const [body, message] of [
      [
        `{"email": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
        'The request is nested too deeply to be read.',
      ],
      [
        '{"email": "\\ud800@shop.com", "password": "x"}',
        'The request holds text that is not valid Unicode.',
      ],
    ] as const) {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'invalid_input', message } });
    }
  });

  it('refuses a NUL character in an address part or a query before any route reads it', async () => {
    // Path parameters and queries arrive as objects that are not plain: they must be read too.
    for (const path of [
      '/api/share/pictures/%00',
      '/api/share/pictures/a%00b',
      '/api/health?x=%00',
    ]) {
      const response = await get(path, { headers: { 'x-share-token': 'a'.repeat(43) } });
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'invalid_input',
          message: 'The request holds text with a NUL character, which no field takes.',
        },
      });
    }
  });
});

describe('hub without a buyer app build', () => {
  it('starts on an empty data folder, says to build, and closes its database cleanly', async () => {
    // On SQLite in both projects: what it checks is the store file left behind.
    const dataDir = join(dir, 'fresh', 'nested');
    const fresh = await startHub({ dataDir, port: 0, buyerAppDir: join(dir, 'no-build') });
    const health = (await (await fetch(`${fresh.url}/api/health`)).json()) as { brand: unknown };
    expect(health.brand).toBeNull();
    const page = await fetch(`${fresh.url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expectSecurityHeaders(page);
    await fresh.close();

    const file = join(dataDir, 'hub.sqlite');
    expect(existsSync(file)).toBe(true);
    // Closed cleanly: the write-ahead log was checkpointed into the database and removed.
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const reopened = new BetterSqlite3(file, { readonly: true });
    const applied = reopened.prepare('select name from kysely_migration order by name').all();
    reopened.close();
    expect(applied).toEqual(Object.keys(migrationsByKind.hub).map((name) => ({ name })));
    await expect(fetch(`${fresh.url}/api/health`)).rejects.toThrow();
  });
});

describe('hub closing', () => {
  it('does not wait for a connection that never sent a request (a browser preconnects them)', async () => {
    const closing = await startTestHub({
      dataDir: join(dir, 'closing'),
      port: 0,
      buyerAppDir: null,
    });
    const silent = connect(closing.port, '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    const ended = new Promise((resolve) => silent.once('close', resolve));
    await closing.close();
    await ended;
  });
});

describe('hub --demo', () => {
  it('leaves a store that already has products alone', async () => {
    const dataDir = join(dir, 'has-products');
    const first = await startTestHub({ dataDir, port: 0, buyerAppDir: null });
    await first.store.db
      .insertInto('size_scales')
      .values({ id: 'scale-1', name: 'Letters', sizes: '["S","M","L"]' })
      .execute();
    await first.store.db
      .insertInto('products')
      .values({
        id: 'product-1',
        style_number: 'ST-001',
        name: 'Linen shirt',
        category: 'Shirts',
        season: 'SS27',
        size_scale_id: 'scale-1',
        search_text: 'st-001 linen shirt',
        updated_at: new Date().toISOString(),
      })
      .execute();
    await first.close();

    const again = await startTestHub({ dataDir, port: 0, buyerAppDir: null, demo: true });
    expect(again.seededDemo).toBeNull();
    const products = await again.store.db.selectFrom('products').select('name').execute();
    const health = (await (await fetch(`${again.url}/api/health`)).json()) as { brand: unknown };
    await again.close();
    expect(products).toEqual([{ name: 'Linen shirt' }]);
    expect(health.brand).toBeNull();
  });
});
