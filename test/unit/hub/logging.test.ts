import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubLogger, redactUrl } from '../../../main/hub/logging.ts';
import { createHubServer } from '../../../main/hub/server.ts';
import { openStore, type Store } from '../../../main/store/database.ts';

const TOKEN = 'q3Zk9xPbT1mWc7LrAa0sYdEfGhJkLmNoPqRsTuVwXyZ';
const SECRET_HEADERS = {
  authorization: 'Bearer sekrit-bearer',
  cookie: '__Host-sid=sekrit-cookie',
};

let store: Store;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  store = await openStore(':memory:');
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await createHubServer({
    store,
    buyerAppDir: null,
    logger: createHubLogger({ destination, level: 'trace' }),
  });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('hub request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    lines.length = 0;
    await app.inject({ url: '/api/health?probe=1' });
    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/health', status: 200 });
    expect(requests[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('never writes a share-link token, a query string or credentials', async () => {
    lines.length = 0;
    const requests = [
      { method: 'GET' as const, url: `/s/${TOKEN}` },
      { method: 'GET' as const, url: `/s/${TOKEN}/checkout?token=${TOKEN}` },
      { method: 'GET' as const, url: `/S/${TOKEN}` },
      { method: 'GET' as const, url: `/%73/${TOKEN}` },
      { method: 'GET' as const, url: `/s/${TOKEN}/%zz` },
      { method: 'GET' as const, url: `/api/nothing?token=${TOKEN}` },
      {
        method: 'POST' as const,
        url: `/s/${TOKEN}`,
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      },
    ];
    for (const request of requests) {
      const response = await app.inject({
        ...request,
        headers: { ...SECRET_HEADERS, ...('headers' in request ? request.headers : {}) },
      });
      expect(response.statusCode).toBeLessThan(600);
    }
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(requests.length);
    expect(log).toContain('/s/[redacted]');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain('sekrit');
  });
});

describe('redactUrl', () => {
  it.each([
    ['/s/abc', '/s/[redacted]'],
    ['/s/abc/more?x=1', '/s/[redacted]'],
    ['/api/health?lang=ja', '/api/health'],
    ['/assets/app-1234abcd.js', '/assets/app-1234abcd.js'],
    ['/sale/shoes', '/sale/shoes'],
    ['/x/s/abc#frag', '/x/s/[redacted]'],
    ['/dtc/019a7d5e/q3Xh1vJd0mYF6kq7', '/dtc/[redacted]'],
    ['/DTC%2f019a7d5e/q3Xh1vJd0mYF6kq7', '/dtc/[redacted]'],
    ['/dtcshop/coats', '/dtcshop/coats'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
