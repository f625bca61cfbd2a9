import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_LIMITS, TOKEN_GUESS_LIMIT } from '../../main/domain/rate-limit.ts';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords, type PasswordHasher } from '../../main/hub/auth/passwords.ts';
import { DEMO_PASSWORD, demoBuyerAccounts } from '../../main/hub/demo-brand.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * The limits on what strangers can try, as an attacker tries them: many guesses at
 * once, floods, guesses spread over time and over addresses. The hub trusts loopback
 * as its proxy here, so each request can say which address it comes from.
 */
let root = '';
let hub: RunningHub;
let aheadMs = 0;
let hashes = 0;
// Wide open unless a test narrows it, so the attempt limits are what is tested.
const OPEN_GATE = { overall: 1_000, perAddress: 1_000 };
let gate = new HashGate(OPEN_GATE);
const countingPasswords: PasswordHasher = {
  ...argon2Passwords,
  verify: (password, stored) => {
    hashes++;
    return argon2Passwords.verify(password, stored);
  },
};

const ADMIN = 'maja@nordlys-atelier.example';
const REP = 'jonas@nordlys-atelier.example';
let buyerEmail = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-limits-'));
  hub = await startTestHub({
    dataDir: join(root, 'hub'),
    port: 0,
    demo: 5,
    buyerAppDir: null,
    clock: () => new Date(Date.now() + aheadMs),
    trustProxy: ['127.0.0.1'],
    passwords: countingPasswords,
    hashGate: { enter: (address) => gate.enter(address) },
  });
  buyerEmail = (await demoBuyerAccounts(hub.store.db))![0]!.email;
});

afterEach(async () => {
  aheadMs = 0;
  hashes = 0;
  gate = new HashGate(OPEN_GATE);
  const db = hubDb(hub.store.db);
  await db.deleteFrom('limit_hits').execute();
  await db.deleteFrom('login_guards').execute();
});

afterAll(async () => {
  await hub.close();
  rmSync(root, { recursive: true, force: true });
});

function post(path: string, body: unknown, from: string, headers: Record<string, string> = {}) {
  return fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...headers },
    body: JSON.stringify(body),
  });
}

const buyerLogIn = (email: string, password: string, from: string) =>
  post('/api/buyer/sign-in', { email, password }, from);

const staffSignIn = (email: string, password: string, from: string) =>
  post('/api/sync/sign-in', { email, password, deviceName: 'Attacker' }, from, {
    [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
  });

describe('password guesses sent all at once', () => {
  it('reach the hash no more often than the limit allows, for a buyer account, even with the real password among them', async () => {
    const guesses = Array.from({ length: 300 }, (_, i) =>
      i === 299 ? DEMO_PASSWORD : `wrong-${i}`,
    );
    const answers = await Promise.all(
      guesses.map((password) => buyerLogIn(buyerEmail, password, '203.0.113.7')),
    );
    expect(hashes).toBeLessThanOrEqual(PASSWORD_LIMITS.accountAtAddress.max);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(
      300 - PASSWORD_LIMITS.accountAtAddress.max,
    );
  });

  it('reach the hash no more often than the limit allows, for staff sign-in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => staffSignIn(REP, `wrong-${i}`, '203.0.113.8')),
    );
    expect(hashes).toBeLessThanOrEqual(PASSWORD_LIMITS.accountAtAddress.max);
    expect(answers.filter((answer) => answer.status === 401).length).toBe(hashes);
  });

  it('from one address over many accounts, stop at the address limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        buyerLogIn(`nobody-${i}@example.com`, 'guess', '203.0.113.9'),
      ),
    );
    expect(hashes).toBeLessThanOrEqual(PASSWORD_LIMITS.address.max);
    expect(answers.filter((answer) => answer.status === 429).length).toBe(200 - hashes);
  });
});

describe('hashing in flight', () => {
  it('is bounded per address and overall, and the excess is refused at once', async () => {
    gate = new HashGate({ overall: 2, perAddress: 1 });
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        buyerLogIn(`flood-${i}@example.com`, 'guess', '198.51.100.1'),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        buyerLogIn(`flood-${i}@example.com`, 'guess', `198.51.100.${i + 10}`),
      ),
    ]);
    // Each hash takes tens of milliseconds: nearly everything arrived while two ran.
    expect(hashes).toBeLessThan(10);
    expect(answers.filter((answer) => answer.status === 401).length).toBe(hashes);
    const refused = answers.filter((answer) => answer.status !== 401);
    expect(refused.length).toBe(40 - hashes);
    for (const answer of refused) {
      expect([429, 503]).toContain(answer.status);
      expect(answer.headers.get('retry-after')).toBe('1');
    }
  });
});

describe('an account', () => {
  it('is not locked for its owner by a stranger guessing from elsewhere', async () => {
    for (let i = 0; i < PASSWORD_LIMITS.accountAtAddress.max + 2; i++) {
      await buyerLogIn(buyerEmail, `wrong-${i}`, '192.0.2.66');
    }
    expect((await buyerLogIn(buyerEmail, 'again', '192.0.2.66')).status).toBe(429);
    expect((await buyerLogIn(buyerEmail, DEMO_PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('locks after its lifetime cap of failures spread over time, until an admin unlocks it, and the admins are told', async () => {
    let failures = 0;
    for (let round = 0; failures < PASSWORD_LIMITS.consecutiveFailures; round++) {
      for (let i = 0; i < 5 && failures < PASSWORD_LIMITS.consecutiveFailures; i++) {
        const answer = await staffSignIn(REP, `slow-guess-${failures}`, `192.0.2.${round + 1}`);
        expect(answer.status).toBe(401);
        failures++;
      }
      aheadMs += 20 * 60_000;
    }
    hashes = 0;
    const refused = await staffSignIn(REP, DEMO_PASSWORD, '192.0.2.200');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: 'account_locked', message: expect.stringMatching(/locked/) },
    });
    expect(hashes).toBe(0);

    const lock = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select(['subject', 'details'])
      .where('action', '=', 'auth.account_locked')
      .executeTakeFirstOrThrow();
    expect(lock.subject).toBe(`staff:${REP}`);

    const admin = (await (await staffSignIn(ADMIN, DEMO_PASSWORD, '192.0.2.250')).json()) as {
      token: string;
    };
    const authorised = {
      authorization: `Bearer ${admin.token}`,
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
    };
    const locked = await fetch(`${hub.url}/api/accounts/locked`, { headers: authorised });
    expect(await locked.json()).toEqual([
      expect.objectContaining({ kind: 'staff', identifier: REP, name: expect.any(String) }),
    ]);
    const unlocked = await post(
      '/api/accounts/unlock',
      { account: `staff:${REP}` },
      '192.0.2.250',
      authorised,
    );
    expect(unlocked.status).toBe(200);
    expect(await unlocked.json()).toEqual([]);
    expect((await staffSignIn(REP, DEMO_PASSWORD, '192.0.2.200')).status).toBe(200);
  }, 120_000);
});

describe('a real 256-bit credential', () => {
  it('is never refused because others at its address tried unknown ones', async () => {
    const signedIn = (await (await staffSignIn(REP, DEMO_PASSWORD, '203.0.113.50')).json()) as {
      token: string;
      deviceId: string;
    };
    const pull = (token: string) =>
      post('/api/sync/pull', { clientId: signedIn.deviceId, cursor: 0, limit: 1 }, '203.0.113.50', {
        authorization: `Bearer ${token}`,
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
      });
    for (let i = 0; i < TOKEN_GUESS_LIMIT.max; i++) {
      expect((await pull(`unknown-${i}`.padEnd(43, 'x'))).status).toBe(401);
    }
    expect((await pull('one-more'.padEnd(43, 'x'))).status).toBe(429);
    expect((await pull(signedIn.token)).status).toBe(200);
  });
});
