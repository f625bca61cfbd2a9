import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSCODE } from '../../main/domain/buyer-credentials.ts';
import { CREDENTIAL_LIMITS, PASSWORD_LIMITS } from '../../main/domain/rate-limit.ts';
import {
  checkBrandCredentials,
  checkLinkPasscode,
  checkOfflineBuyerLogIn,
  hashLinkPasscode,
} from '../../main/hub/auth/credential-log-ins.ts';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords, type PasswordHasher } from '../../main/hub/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { insertCustomerOrderLink } from '../support/customer-order-link.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * The credentials brands set for buyers to log in to customer order links: staff set and
 * clear them over the hub's HTTP API (admins for any buyer, reps for their own), and the
 * log-in checks the buyer API calls, as an attacker would try them: wrong, unknown,
 * floods sent all at once, and slow guessing up to the lifetime cap that locks them.
 */
const ADMIN = 'maja@nordlys-atelier.example';
const REP = 'jonas@nordlys-atelier.example';
const PASSCODE_TEXT = 'harbour-lights-42';
const PASSWORD = 'a long offline password';

let root = '';
let hub: RunningHub;
let hashes = 0;
const countingPasswords: PasswordHasher = {
  ...argon2Passwords,
  verify: (password, stored) => {
    hashes++;
    return argon2Passwords.verify(password, stored);
  },
};
// Wide open unless a test narrows it, so the attempt limits are what is tested.
const OPEN_GATE = { overall: 1_000, perAddress: 1_000 };
let gate = new HashGate(OPEN_GATE);
let deps: Parameters<typeof checkBrandCredentials>[0];
let admin = '';
let rep = '';
let ownBuyer = '';
let otherBuyer = '';
let offlineBuyer = '';
let otherOfflineBuyer = '';

async function signIn(email: string): Promise<string> {
  const answer = await fetch(`${hub.url}/api/sync/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, deviceName: 'test' }),
  });
  return ((await answer.json()) as { token: string }).token;
}

async function call(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: {
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

const read = (token: string | null, buyerId: string) =>
  call('GET', `/api/buyer-credentials?buyerId=${buyerId}`, token);
const setCode = (token: string | null, body: Record<string, unknown>) =>
  call('POST', '/api/buyer-credentials/code', token, body);
const setOffline = (token: string | null, body: Record<string, unknown>) =>
  call('POST', '/api/buyer-credentials/offline', token, body);

const at = (minutes: number) => new Date(Date.UTC(2027, 0, 1) + minutes * 60_000);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-buyer-credentials-'));
  hub = await startTestHub({
    dataDir: join(root, 'hub'),
    port: 0,
    demo: 20,
    buyerAppDir: null,
    passwords: countingPasswords,
    hashGate: { enter: (address) => gate.enter(address) },
  });
  deps = {
    db: hub.store.db,
    gate: { enter: (address) => gate.enter(address) },
    passwords: countingPasswords,
  };
  admin = await signIn(ADMIN);
  rep = await signIn(REP);
  const db = hubDb(hub.store.db);
  const repId = (
    await db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', REP)
      .executeTakeFirstOrThrow()
  ).id;
  const [own, other] = await db.selectFrom('buyers').select('id').orderBy('id').limit(2).execute();
  ownBuyer = own!.id;
  otherBuyer = other!.id;
  // The rep's own buyer: one the rep keeps a selection for.
  await db
    .insertInto('selections')
    .values({
      id: 'selection-of-rep',
      buyer_id: ownBuyer,
      owner_id: repId,
      name: 'Rep’s selection',
      created_at: at(0).toISOString(),
      updated_at: at(0).toISOString(),
    })
    .execute();
  const buyers = await db
    .selectFrom('buyers')
    .select('id')
    .where('id', 'not in', [ownBuyer, otherBuyer])
    .orderBy('name')
    .limit(2)
    .execute();
  // Two offline buyers and a customer-owned one, whatever the demo drew.
  await db
    .updateTable('buyers')
    .set({ kind: 'offline' })
    .where(
      'id',
      'in',
      buyers.map((b) => b.id),
    )
    .execute();
  await db
    .updateTable('buyers')
    .set({ kind: 'customer_owned' })
    .where('id', '=', otherBuyer)
    .execute();
  [offlineBuyer, otherOfflineBuyer] = buyers.map((buyer) => buyer.id) as [string, string];
}, 120_000);

afterEach(async () => {
  hashes = 0;
  gate = new HashGate(OPEN_GATE);
  const db = hubDb(hub.store.db);
  await db.deleteFrom('limit_hits').execute();
  await db.deleteFrom('login_guards').execute();
  await db.deleteFrom('buyer_credentials').execute();
});

afterAll(async () => {
  await hub?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('staff setting a buyer’s sign-in', () => {
  it('sets a unique code and passcode for any buyer (admin), answering what is set and never a hash', async () => {
    expect((await read(admin, otherBuyer)).body).toMatchObject({
      buyerId: otherBuyer,
      offlineLogIn: null,
      brandCode: null,
    });
    const set = await setCode(admin, {
      buyerId: otherBuyer,
      code: ' shop-0042 ',
      passcode: PASSCODE_TEXT,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      brandCode: { code: 'SHOP-0042', setBy: expect.any(String), locked: false },
    });
    expect(set.text).not.toContain('argon2');
    expect(set.text).not.toContain(PASSCODE_TEXT);
    const stored = await hubDb(hub.store.db)
      .selectFrom('buyer_credentials')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(PASSCODE_TEXT);
    const audit = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select(['subject', 'details'])
      .where('action', '=', 'buyer.credentials.code_set')
      .executeTakeFirstOrThrow();
    expect(audit.subject).toBe(`buyer:${otherBuyer}`);
    expect(audit.details).not.toContain(PASSCODE_TEXT);

    const cleared = await call('POST', '/api/buyer-credentials/code/clear', admin, {
      buyerId: otherBuyer,
    });
    expect(cleared.body).toMatchObject({ brandCode: null });
  });

  it('sets, changes and clears an offline buyer’s email and password; the password may be kept', async () => {
    const set = await setOffline(admin, {
      buyerId: offlineBuyer,
      email: 'Orders@Boutique.example',
      password: PASSWORD,
    });
    expect(set.body).toMatchObject({
      offlineBuyer: true,
      offlineLogIn: { email: 'orders@boutique.example' },
    });
    const changed = await setOffline(admin, {
      buyerId: offlineBuyer,
      email: 'shop@boutique.example',
    });
    expect(changed.status).toBe(200);
    const buyerId = await checkOfflineBuyerLogIn(deps, {
      email: 'SHOP@boutique.example',
      password: PASSWORD,
      linkId: 'link-1',
      address: '203.0.113.1',
      now: at(0),
    });
    expect(buyerId).toBe(offlineBuyer);
    const cleared = await call('POST', '/api/buyer-credentials/offline/clear', admin, {
      buyerId: offlineBuyer,
    });
    expect(cleared.body).toMatchObject({ offlineLogIn: null });
    await expect(
      checkOfflineBuyerLogIn(deps, {
        email: 'shop@boutique.example',
        password: PASSWORD,
        linkId: 'link-1',
        address: '203.0.113.1',
        now: at(1),
      }),
    ).rejects.toMatchObject({ status: 401, code: 'wrong_credentials' });
  });

  it('says what is wrong at each field, with the rule’s code and numbers, and saves nothing', async () => {
    const short = await setCode(admin, { buyerId: otherBuyer, code: 'ab', passcode: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [
          { path: 'code', code: 'credential_code_too_short', params: { min: 4 } },
          {
            path: 'passcode',
            code: 'credential_passcode_too_short',
            params: { min: PASSCODE.minLength },
          },
        ],
      },
    });
    const odd = await setCode(admin, { buyerId: otherBuyer, code: 'shop 42!' });
    expect(odd.body).toMatchObject({
      error: {
        issues: [
          { path: 'code', code: 'credential_code_invalid' },
          { path: 'passcode', code: 'credential_passcode_required' },
        ],
      },
    });
    const notOffline = await setOffline(admin, {
      buyerId: otherBuyer,
      email: 'a@b.example',
      password: PASSWORD,
    });
    expect(notOffline.body).toMatchObject({
      error: { issues: [{ path: 'email', code: 'credential_not_offline' }] },
    });
    const badEmail = await setOffline(admin, {
      buyerId: offlineBuyer,
      email: 'not an email',
      password: PASSWORD,
    });
    expect(badEmail.body).toMatchObject({
      error: { issues: [{ path: 'email', code: 'credential_email_invalid' }] },
    });
    expect(await hubDb(hub.store.db).selectFrom('buyer_credentials').selectAll().execute()).toEqual(
      [],
    );
  });

  it('refuses an email or code another buyer has, whatever its case', async () => {
    await setOffline(admin, {
      buyerId: offlineBuyer,
      email: 'one@boutique.example',
      password: PASSWORD,
    });
    await setCode(admin, { buyerId: offlineBuyer, code: 'ONE-1', passcode: PASSCODE_TEXT });
    const email = await setOffline(admin, {
      buyerId: otherOfflineBuyer,
      email: 'ONE@boutique.example',
      password: PASSWORD,
    });
    expect(email.body).toMatchObject({
      error: { issues: [{ path: 'email', code: 'credential_email_taken' }] },
    });
    const code = await setCode(admin, {
      buyerId: otherOfflineBuyer,
      code: 'one-1',
      passcode: PASSCODE_TEXT,
    });
    expect(code.body).toMatchObject({
      error: { issues: [{ path: 'code', code: 'credential_code_taken' }] },
    });
  });

  it("lets a rep manage their own buyers' sign-in only, and nobody signed out", async () => {
    expect(
      (await setCode(rep, { buyerId: ownBuyer, code: 'REP-OWN', passcode: PASSCODE_TEXT })).status,
    ).toBe(200);
    expect((await read(rep, ownBuyer)).body).toMatchObject({ brandCode: { code: 'REP-OWN' } });
    const other = await setCode(rep, {
      buyerId: otherBuyer,
      code: 'REP-OTHER',
      passcode: PASSCODE_TEXT,
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await read(rep, otherBuyer)).status).toBe(403);
    expect((await read(null, ownBuyer)).status).toBe(401);
    expect(
      (await setCode(null, { buyerId: ownBuyer, code: 'ANON', passcode: PASSCODE_TEXT })).status,
    ).toBe(401);
  });
});

describe('logging in with brand-specific credentials', () => {
  const attempt = (code: string, passcode: string, minutes = 0, address = '198.51.100.1') =>
    checkBrandCredentials(deps, { code, passcode, linkId: 'link-7', address, now: at(minutes) });

  it('answers the buyer for the right code (any case) and passcode, and writes it in API Logs', async () => {
    await setCode(admin, { buyerId: otherBuyer, code: 'SHOP-7', passcode: PASSCODE_TEXT });
    expect(await attempt('shop-7', PASSCODE_TEXT)).toBe(otherBuyer);
    const audit = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select(['subject', 'details', 'actor_kind'])
      .where('action', '=', 'auth.brand_credentials_log_in')
      .executeTakeFirstOrThrow();
    expect(audit.subject).toBe(`buyer:${otherBuyer}`);
    expect(JSON.parse(audit.details)).toEqual({
      buyerId: otherBuyer,
      code: 'SHOP-7',
      linkId: 'link-7',
      address: '198.51.100.1',
    });
  });

  it('refuses a wrong passcode and an unknown code alike, both after a hash', async () => {
    await setCode(admin, { buyerId: otherBuyer, code: 'SHOP-7', passcode: PASSCODE_TEXT });
    const wrong = await attempt('SHOP-7', 'not-the-passcode').catch((error: unknown) => error);
    const unknown = await attempt('NOBODY-1', PASSCODE_TEXT).catch((error: unknown) => error);
    expect(hashes).toBe(2);
    for (const refusal of [wrong, unknown]) {
      expect(refusal).toMatchObject({ status: 401, code: 'wrong_credentials' });
    }
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  it('lets guesses sent all at once reach the hash no more often than the limits allow', async () => {
    await setCode(admin, { buyerId: otherBuyer, code: 'SHOP-7', passcode: PASSCODE_TEXT });
    const fromOne = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => attempt('SHOP-7', `guess-${i}`)),
    );
    expect(hashes).toBeLessThanOrEqual(PASSWORD_LIMITS.accountAtAddress.max);
    expect(
      fromOne.filter(
        (r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'rate_limited',
      ).length,
    ).toBe(200 - hashes);

    hashes = 0;
    await hubDb(hub.store.db).deleteFrom('limit_hits').execute();
    // From many addresses at once, through one link: the link's own limit holds.
    await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => attempt(`CODE-${i}`, 'guess', 0, `192.0.2.${i % 250}`)),
    );
    expect(hashes).toBeLessThanOrEqual(CREDENTIAL_LIMITS.perLink.max);
  });

  it('locks a code at its lifetime cap of failures even with right log-ins between, until an admin unlocks it', async () => {
    await setCode(admin, { buyerId: otherBuyer, code: 'SHOP-7', passcode: PASSCODE_TEXT });
    const cap = CREDENTIAL_LIMITS.lifetimeFailures;
    // Slowly, from a new address every few tries: no window limit is ever reached.
    const fail = async (n: number) => {
      await expect(
        attempt('SHOP-7', `slow-${n}`, n * 20, `203.0.113.${(n % 200) + 1}`),
      ).rejects.toMatchObject({
        code: 'wrong_credentials',
      });
    };
    for (let n = 0; n < cap - 1; n++) {
      await fail(n);
      // A right log-in now and then does not start the count again.
      if (n === 40) expect(await attempt('SHOP-7', PASSCODE_TEXT, n * 20 + 1)).toBe(otherBuyer);
    }
    expect((await read(admin, otherBuyer)).body).toMatchObject({ brandCode: { locked: false } });
    await fail(cap - 1);
    hashes = 0;
    await expect(attempt('SHOP-7', PASSCODE_TEXT, cap * 20)).rejects.toMatchObject({
      status: 403,
      code: 'credential_locked',
    });
    expect(hashes).toBe(0);
    expect((await read(admin, otherBuyer)).body).toMatchObject({ brandCode: { locked: true } });

    const lock = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select(['subject', 'details'])
      .where('action', '=', 'auth.credential_locked')
      .executeTakeFirstOrThrow();
    expect(lock.subject).toBe('buyer_code:SHOP-7');
    expect(JSON.parse(lock.details)).toMatchObject({ failures: cap, linkId: 'link-7' });

    const locked = await call('GET', '/api/accounts/locked', admin);
    const buyerName = (
      await hubDb(hub.store.db)
        .selectFrom('buyers')
        .select('name')
        .where('id', '=', otherBuyer)
        .executeTakeFirstOrThrow()
    ).name;
    expect(locked.body).toEqual([
      expect.objectContaining({
        kind: 'buyer_code',
        identifier: 'SHOP-7',
        name: buyerName,
        failures: cap,
      }),
    ]);
    const unlocked = await call('POST', '/api/accounts/unlock', admin, {
      account: 'buyer_code:SHOP-7',
    });
    expect(unlocked.body).toEqual([]);
    expect(await attempt('SHOP-7', PASSCODE_TEXT, cap * 20 + 1)).toBe(otherBuyer);
    const guard = await hubDb(hub.store.db)
      .selectFrom('login_guards')
      .select('lifetime_failures')
      .where('account', '=', 'buyer_code:SHOP-7')
      .executeTakeFirstOrThrow();
    expect(guard.lifetime_failures).toBe(0);
  }, 120_000);

  it('answers a locked unknown code as it answers a locked known one', async () => {
    await hubDb(hub.store.db)
      .insertInto('login_guards')
      .values([
        {
          account: 'buyer_code:NOBODY-9',
          lifetime_failures: CREDENTIAL_LIMITS.lifetimeFailures,
          last_failure_at: null,
          locked_at: at(0).toISOString(),
        },
      ])
      .execute();
    await expect(attempt('nobody-9', PASSCODE_TEXT)).rejects.toMatchObject({
      status: 403,
      code: 'credential_locked',
    });
    // Nobody uses it, so the admins are not asked to unlock it.
    expect((await call('GET', '/api/accounts/locked', admin)).body).toEqual([]);
  });
});

describe('logging in as an offline buyer', () => {
  it('refuses a wrong password and an unknown email alike, both after a hash', async () => {
    await setOffline(admin, {
      buyerId: offlineBuyer,
      email: 'one@boutique.example',
      password: PASSWORD,
    });
    const logIn = (email: string, password: string) =>
      checkOfflineBuyerLogIn(deps, {
        email,
        password,
        linkId: 'link-1',
        address: '203.0.113.5',
        now: at(0),
      }).catch((error: unknown) => error);
    const wrong = await logIn('one@boutique.example', 'not the password');
    const unknown = await logIn('nobody@boutique.example', PASSWORD);
    expect(hashes).toBe(2);
    expect(wrong).toMatchObject({ status: 401, code: 'wrong_credentials' });
    expect(unknown).toMatchObject({ status: 401, code: 'wrong_credentials' });
    expect((wrong as Error).message).toBe((unknown as Error).message);
    expect(await logIn(' ONE@boutique.example ', PASSWORD)).toBe(offlineBuyer);
  });

  it('refuses a buyer that is no longer offline, as it refuses a wrong password', async () => {
    await setOffline(admin, {
      buyerId: otherOfflineBuyer,
      email: 'two@boutique.example',
      password: PASSWORD,
    });
    await hubDb(hub.store.db)
      .updateTable('buyers')
      .set({ kind: 'customer_owned' })
      .where('id', '=', otherOfflineBuyer)
      .execute();
    try {
      await expect(
        checkOfflineBuyerLogIn(deps, {
          email: 'two@boutique.example',
          password: PASSWORD,
          linkId: 'link-1',
          address: '203.0.113.9',
          now: at(0),
        }),
      ).rejects.toMatchObject({ status: 401, code: 'wrong_credentials' });
    } finally {
      await hubDb(hub.store.db)
        .updateTable('buyers')
        .set({ kind: 'offline' })
        .where('id', '=', otherOfflineBuyer)
        .execute();
    }
  });
});

describe("a link's passcode", () => {
  it('opens with the right one only, and locks the link at its lifetime cap, told to admins', async () => {
    const storedHash = await hashLinkPasscode(argon2Passwords, PASSCODE_TEXT);
    const { id: linkId } = await insertCustomerOrderLink(hub.store.db);
    const tryIt = (passcode: string, minutes = 0) =>
      checkLinkPasscode(deps, {
        linkId,
        passcode,
        storedHash,
        address: '198.51.100.20',
        now: at(minutes),
      });
    await expect(tryIt(PASSCODE_TEXT)).resolves.toBeUndefined();
    await expect(tryIt('wrong one')).rejects.toMatchObject({
      status: 401,
      code: 'wrong_credentials',
    });
    // As if it had failed all but once before, spread over time and places.
    await hubDb(hub.store.db)
      .updateTable('login_guards')
      .set({ lifetime_failures: CREDENTIAL_LIMITS.lifetimeFailures - 1 })
      .where('account', '=', `link:${linkId}`)
      .execute();
    await expect(tryIt('wrong again', 1)).rejects.toMatchObject({ code: 'wrong_credentials' });
    await expect(tryIt(PASSCODE_TEXT, 2)).rejects.toMatchObject({
      status: 403,
      code: 'credential_locked',
    });
    const lock = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'auth.link_passcode_locked')
      .executeTakeFirstOrThrow();
    expect(lock.subject).toBe(`link:${linkId}`);
    // Admins see the link by its name.
    expect((await call('GET', '/api/accounts/locked', admin)).body).toEqual([
      expect.objectContaining({ kind: 'link', identifier: linkId, name: 'Test link' }),
    ]);
  });
});
