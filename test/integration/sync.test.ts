import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import {
  createBuyerLocally,
  listBuyers,
  updateBuyerTermsLocally,
} from '../../main/services/buyers.ts';
import { hubDb, replicaDb, type StoreDb } from '../../main/store/database.ts';
import { SYNCED_ENTITIES } from '../../main/sync/entities.ts';
import { createHubClient, HubUnreachable, type HubClient } from '../../main/sync/hub-client.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL, type PullResponse } from '../../main/sync/protocol.ts';
import type { SyncProgress } from '../../preload/contract/index.ts';
import { SYNCS_ONLY_WHEN_ASKED, useDemoHub } from '../support/demo-hub.ts';
import {
  openDesktop,
  servicesOf,
  type TestDesktop,
  type TestDesktopOptions,
} from '../support/desktop.ts';

const REP = 'jonas@nordlys-atelier.example';
const ADMIN = 'maja@nordlys-atelier.example';

const demo = useDemoHub('trunkshow-sync-');
const desktop = (email = REP) => demo.desktop(email);
const services = servicesOf;

async function count(db: StoreDb, table: string, where?: { column: string; value: string }) {
  let query = db.selectFrom(table as 'buyers').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) query = query.where(where.column as 'name', '=', where.value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

async function pricelistId(db: StoreDb): Promise<string> {
  return (await db.selectFrom('pricelists').select('id').orderBy('name').executeTakeFirstOrThrow())
    .id;
}

/**
 * A desktop on the demo hub whose client is the real one with `change`'s calls in place
 * of its own (`real` to call through to), reading `pullLimit` rows a page if given.
 */
function desktopThrough(
  change: (real: HubClient) => Partial<HubClient>,
  options: Pick<TestDesktopOptions, 'pullLimit' | 'retryDelaysMs'> = {},
) {
  return openDesktop({
    embeddedHubUrl: demo.hub.url,
    ...options,
    clientFor: (url) => {
      const real = createHubClient(url);
      return { ...real, ...change(real) };
    },
  });
}

/**
 * A pricelist `d` has from the hub; then, the hub stopped, `offline` queues what it
 * queues, and the hub, started again, deletes the list: what was queued on it is refused.
 * `d` SYNCS_ONLY_WHEN_ASKED, or a retry of its own could push the queue before the list
 * is gone, or take the refusal before the test looks.
 */
async function whileListVanishes<T>(
  d: TestDesktop,
  listId: string,
  offline: () => Promise<T>,
): Promise<T> {
  await demo.hub.store.db
    .insertInto('pricelists')
    .values({ id: listId, name: `Pop-up ${listId}`, currency: 'CHF' })
    .execute();
  await d.engine.syncNow();
  const queued = await demo.whileStopped(offline);
  await demo.hub.store.db.deleteFrom('pricelists').where('id', '=', listId).execute();
  return queued;
}

async function newBuyer(d: TestDesktop, name: string, pricelist?: string) {
  return createBuyerLocally(services(d), {
    name,
    kind: 'offline',
    countryCode: 'SE',
    terms: {
      pricelistId: pricelist ?? (await pricelistId(d.store.db)),
      discountPercent: 0,
      language: 'en',
    },
  });
}

async function restartHub(): Promise<void> {
  await demo.stop();
  await demo.start();
}

async function rawPush(token: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${demo.hub.url}/api/sync/push`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('first sync', () => {
  it('copies every row the rep may see, and no password hash', async () => {
    const d = await desktop();
    for (const entity of SYNCED_ENTITIES) {
      expect(await count(d.store.db, entity.table), entity.table).toBe(
        await count(demo.hub.store.db, entity.table),
      );
    }
    const staff = await d.store.db.selectFrom('staff_users').select('password_hash').execute();
    expect(staff.every((row) => row.password_hash === null)).toBe(true);
    expect(await d.engine.status()).toMatchObject({
      connection: 'online',
      pending: 0,
      lastProblem: null,
    });
  });

  it('in pages gives the same replica as in one go', async () => {
    const paged = await openDesktop({ embeddedHubUrl: demo.hub.url, pullLimit: 97 });
    demo.track(paged);
    await paged.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await paged.engine.syncNow();
    for (const entity of SYNCED_ENTITIES) {
      expect(await count(paged.store.db, entity.table), entity.table).toBe(
        await count(demo.hub.store.db, entity.table),
      );
    }
  });

  it('says how far it has come, by the hub’s newest version, from before the first page', async () => {
    const before: (SyncProgress | null)[] = [];
    const answers: PullResponse[] = [];
    const engine: { current?: TestDesktop['engine'] } = {};
    const paged = await desktopThrough(
      (real) => ({
        async pull(token, body) {
          // The first sync's pulls only: it ends with the first answer that has no more.
          const first = !answers.some((answer) => !answer.more);
          if (first) before.push((await engine.current!.status()).progress);
          const answer = await real.pull(token, body);
          if (first) answers.push(answer);
          return answer;
        },
      }),
      { pullLimit: 250 },
    );
    engine.current = paged.engine;
    demo.track(paged);
    await paged.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await paged.engine.syncNow();

    // Arriving before anything has, then rising page by page, short of done. A page is
    // asked for as the one before arrives, so the second ask may come before anything
    // is written: still arriving, never anything else.
    const arriving = { rows: 0, fraction: null };
    expect(before[0]).toEqual(arriving);
    const later = before.slice(1);
    const stillArriving = later.findIndex((progress) => progress?.fraction !== null);
    expect([0, 1]).toContain(stillArriving);
    expect(later.slice(0, stillArriving)).toEqual(
      later.slice(0, stillArriving).map(() => arriving),
    );
    const fractions = later.slice(stillArriving).map((progress) => progress!.fraction!);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((fraction) => fraction > 0 && fraction < 1)).toBe(true);
    // The last page reaches the head; then the sync is done and says nothing.
    const last = answers.at(-1)!;
    expect(last).toMatchObject({ more: false, cursor: last.head });
    expect((await paged.engine.status()).progress).toBeNull();
  });
});

describe('changes made on the desktop', () => {
  it('find buyers by any part of the name, % and _ taken literally', async () => {
    const d = await desktop();
    const literal = await newBuyer(d, 'Studio 100% Wool_Shop');
    await newBuyer(d, 'Studio 1000 Wools');
    const search = async (query: string) =>
      (await listBuyers(services(d), { query, proposals: false, offset: 0, limit: 10 })).items.map(
        (b) => b.id,
      );
    expect(await search('100%')).toEqual([literal.id]);
    expect(await search('wool_')).toEqual([literal.id]);
  });

  it('apply at once, wait in the outbox, and reach the hub on sync', async () => {
    const d = await desktop();
    const created = await newBuyer(d, 'Atelier Offline One');
    expect(created.waitingToSync).toBe(true);
    expect(
      await count(d.store.db, 'buyers', { column: 'name', value: 'Atelier Offline One' }),
    ).toBe(1);
    await d.engine.syncNow();
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: created.id })).toBe(1);
    const page = await listBuyers(services(d), {
      query: 'Offline One',
      proposals: false,
      offset: 0,
      limit: 10,
    });
    expect(page.items).toMatchObject([{ id: created.id, waitingToSync: false }]);
    const audit = await demo.hub.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'buyer.create.v1')
      .where('subject', '=', `buyer:${created.id}`)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.device).toBe(d.session.account()!.deviceId);
  });

  it('keep working with the hub down, and drain by themselves when it is back', async () => {
    // An admin, who may change the trading terms of the buyers made at the booth.
    const d = await desktop(ADMIN);
    await demo.stop();
    await d.engine.syncNow();
    expect((await d.engine.status()).connection).toBe('offline');
    const first = await newBuyer(d, 'Booth Buyer A');
    const second = await newBuyer(d, 'Booth Buyer B');
    await updateBuyerTermsLocally(services(d), {
      buyerId: first.id,
      terms: { pricelistId: first.pricelistId, discountPercent: 12.5, language: 'ja' },
    });
    const offline = await d.engine.status();
    expect(offline).toMatchObject({ connection: 'offline', pending: 3 });
    expect(offline.lastProblem).toEqual({
      code: 'unreachable',
      message: expect.stringMatching(/cannot be reached/),
    });

    await demo.start();
    // Drained means pushed and the cycle over: pending reaches 0 before the pull that
    // follows the push has finished and the status says online again.
    const deadline = Date.now() + 10_000;
    const drained = async () => {
      const status = await d.engine.status();
      return status.pending === 0 && status.connection === 'online';
    };
    while (!(await drained()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await d.engine.status()).toMatchObject({
      connection: 'online',
      pending: 0,
      lastProblem: null,
    });
    const onHub = await demo.hub.store.db
      .selectFrom('buyers')
      .select(['id', 'discount_bp', 'language'])
      .where('id', 'in', [first.id, second.id])
      .orderBy('name')
      .execute();
    expect(onHub).toEqual([
      { id: first.id, discount_bp: 1250, language: 'ja' },
      { id: second.id, discount_bp: 0, language: 'en' },
    ]);
  });

  it('refused by the hub are undone locally and kept, with the reason, for the rep', async () => {
    const d = await demo.desktop(REP, SYNCS_ONLY_WHEN_ASKED);
    const { doomed, kept } = await whileListVanishes(d, 'temporary-list', async () => {
      await d.engine.syncNow();
      return {
        doomed: await newBuyer(d, 'Buyer On A Vanishing List', 'temporary-list'),
        kept: await newBuyer(d, 'Buyer On A Lasting List'),
      };
    });
    await d.engine.syncNow();

    const status = await d.engine.status();
    expect(status).toMatchObject({ pending: 0, refused: 1 });
    expect(await count(d.store.db, 'buyers', { column: 'id', value: doomed.id })).toBe(0);
    expect(await count(d.store.db, 'buyers', { column: 'id', value: kept.id })).toBe(1);
    const page = await listBuyers(services(d), {
      query: '',
      proposals: false,
      offset: 0,
      limit: 1,
    });
    expect(page.refusals).toEqual([
      expect.objectContaining({
        mutation: 'buyer.create.v1',
        subject: `buyer:${doomed.id}`,
        summary: 'Create buyer “Buyer On A Vanishing List”',
        code: 'not_found',
        reason: expect.stringMatching(/pricelist .* no longer exists/),
        args: expect.objectContaining({
          name: 'Buyer On A Vanishing List',
          terms: { pricelistId: 'temporary-list', discountPercent: 0, language: 'en' },
        }),
      }),
    ]);
    // A second sync neither repeats the refusal nor loses it.
    await d.engine.syncNow();
    expect((await d.engine.status()).refused).toBe(1);
  });

  it('refused by the hub come once when the pull that brings them takes many pages', async () => {
    const answers: PullResponse[] = [];
    const d = await desktopThrough(
      (real) => ({
        async pull(token, body) {
          const answer = await real.pull(token, body);
          answers.push(answer);
          return answer;
        },
      }),
      { pullLimit: 40, ...SYNCS_ONLY_WHEN_ASKED },
    );
    demo.track(d);
    await d.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await d.engine.syncNow();
    const doomed = await whileListVanishes(d, 'short-list', () =>
      newBuyer(d, 'Buyer On A Short List', 'short-list'),
    );
    // Pages of changes to come after the refusal: each page's answer carries the
    // refusals after the ones the desktop said it has.
    await demo.hub.store.db
      .updateTable('skus')
      .set((eb) => ({ barcode: eb.ref('barcode') }))
      .execute();
    answers.length = 0;
    await d.engine.syncNow();

    expect(answers.length).toBeGreaterThan(2);
    // Each page asked for is asked after the refusals already received.
    expect(answers.flatMap((answer) => answer.refusals.map((refusal) => refusal.seq))).toEqual([1]);
    expect(await d.engine.status()).toMatchObject({ pending: 0, refused: 1, lastProblem: null });
    expect(await count(d.store.db, 'buyers', { column: 'id', value: doomed.id })).toBe(0);
  });

  it('are checked on the desktop too, before they are queued', async () => {
    const d = await desktop();
    await expect(newBuyer(d, 'Nowhere Buyer', 'no-such-pricelist')).rejects.toMatchObject({
      code: 'not_found',
      issues: [{ path: 'terms.pricelistId' }],
    });
    expect((await d.engine.status()).pending).toBe(0);
  });
});

describe('pull', () => {
  it('is incremental: a sync after one change on the hub brings that change only', async () => {
    const d = await desktop();
    const before = (
      await replicaDb(d.store.db)
        .selectFrom('sync_state')
        .select('cursor')
        .executeTakeFirstOrThrow()
    ).cursor;
    await demo.hub.store.db
      .updateTable('products')
      .set({ name: 'Renamed On The Hub' })
      .where(
        'style_number',
        '=',
        (
          await demo.hub.store.db
            .selectFrom('products')
            .select('style_number')
            .orderBy('style_number')
            .executeTakeFirstOrThrow()
        ).style_number,
      )
      .execute();
    const token = (
      await hubDb(demo.hub.store.db)
        .selectFrom('devices')
        .select('id')
        .where('id', '=', d.session.account()!.deviceId)
        .executeTakeFirstOrThrow()
    ).id;
    expect(token).toBeTruthy();
    const page = await d.session.hub('test').client.pull(d.session.hub('test').token, {
      clientId: d.session.account()!.deviceId,
      cursor: before,
    });
    expect(page.changes).toEqual([
      expect.objectContaining({
        entity: 'products',
        row: expect.objectContaining({ name: 'Renamed On The Hub' }),
      }),
    ]);
    await d.engine.syncNow();
    expect(
      await count(d.store.db, 'products', { column: 'name', value: 'Renamed On The Hub' }),
    ).toBe(1);
  });

  it('sends deletions', async () => {
    const d = await desktop();
    await demo.hub.store.db
      .insertInto('warehouses')
      .values({ id: 'w-temp', name: 'Pop-up store' })
      .execute();
    await d.engine.syncNow();
    expect(await count(d.store.db, 'warehouses', { column: 'id', value: 'w-temp' })).toBe(1);
    await demo.hub.store.db.deleteFrom('warehouses').where('id', '=', 'w-temp').execute();
    await d.engine.syncNow();
    expect(await count(d.store.db, 'warehouses', { column: 'id', value: 'w-temp' })).toBe(0);
  });
});

describe('devices', () => {
  it('an admin sees devices and revokes one; the revoked desktop is told why and keeps its work', async () => {
    const rep = await desktop();
    const admin = await desktop(ADMIN);
    const adminHub = admin.session.hub('test');
    const listed = await adminHub.client.devices(adminHub.token);
    expect(listed.map((device) => device.id)).toEqual(
      expect.arrayContaining([rep.session.account()!.deviceId]),
    );

    const repHub = rep.session.hub('test');
    // The rep cannot revoke devices.
    await expect(repHub.client.devices(repHub.token)).rejects.toMatchObject({ status: 403 });
    await expect(
      adminHub.client.revokeDevice(adminHub.token, admin.session.account()!.deviceId),
    ).rejects.toMatchObject({ status: 409, message: /device you are using/ });
    await adminHub.client.revokeDevice(adminHub.token, rep.session.account()!.deviceId);
    const unsent = await newBuyer(rep, 'Written After Revocation');

    await rep.engine.syncNow();
    expect((await rep.engine.status()).connection).toBe('revoked');
    const session = await rep.session.get();
    expect(session).toMatchObject({
      state: 'signed_out',
      reason: 'revoked',
    });
    expect((await rep.engine.status()).pending).toBe(1);
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: unsent.id })).toBe(0);

    await rep.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await rep.engine.syncNow();
    expect(await rep.engine.status()).toMatchObject({ connection: 'online', pending: 0 });
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: unsent.id })).toBe(1);
  });

  it('a change the hub applied before the device was revoked, its answer lost, is not sent twice', async () => {
    let loseAnswer = false;
    const rep = await desktopThrough((real) => ({
      async push(token, body) {
        const answer = await real.push(token, body);
        if (loseAnswer) throw new HubUnreachable('network cut before the answer');
        return answer;
      },
    }));
    demo.track(rep);
    await rep.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await rep.engine.syncNow();
    loseAnswer = true;
    const buyer = await newBuyer(rep, 'Applied Then Revoked');
    await rep.engine.syncNow();
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: buyer.id })).toBe(1);
    expect((await rep.engine.status()).pending).toBe(1);

    const admin = await desktop(ADMIN);
    const adminHub = admin.session.hub('test');
    await adminHub.client.revokeDevice(adminHub.token, rep.session.account()!.deviceId);
    loseAnswer = false;
    await rep.engine.syncNow();
    expect((await rep.engine.status()).connection).toBe('revoked');

    await rep.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await rep.engine.syncNow();
    expect(await rep.engine.status()).toMatchObject({
      connection: 'online',
      pending: 0,
      refused: 0,
    });
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: buyer.id })).toBe(1);
    expect(await count(rep.store.db, 'buyers', { column: 'id', value: buyer.id })).toBe(1);
  });

  it('Sync now during a round that fails still sends what was made before it was asked', async () => {
    let holdPush: Promise<void> | null = null;
    const rep = await desktopThrough((real) => ({
      async push(token, body) {
        if (!holdPush) return real.push(token, body);
        await holdPush;
        holdPush = null;
        throw new HubUnreachable('network cut mid-round');
      },
    }));
    demo.track(rep);
    await rep.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await rep.engine.syncNow();

    let release!: () => void;
    holdPush = new Promise((resolve) => (release = resolve));
    await newBuyer(rep, 'Made Before The Cut');
    // The round this edit started is now waiting on its push; the rep asks for a sync.
    const asked = rep.engine.syncNow();
    release();
    await asked;
    expect(await rep.engine.status()).toMatchObject({ connection: 'online', pending: 0 });
  });

  it('sign-out keeps unsynced work unless the rep says to discard it', async () => {
    const d = await desktop();
    await demo.stop();
    await d.engine.syncNow();
    await newBuyer(d, 'Not Yet Sent');
    await expect(d.session.signOut({ discardUnsynced: false })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/1 change has not reached the hub yet/),
    });
    expect((await d.engine.status()).pending).toBe(1);
    const signedOut = await d.session.signOut({ discardUnsynced: true });
    expect(signedOut.state).toBe('signed_out');
    expect((await d.engine.status()).pending).toBe(0);
    await demo.start();
  });
});

describe('versions', () => {
  it('a desktop the hub no longer speaks with is told to update, and keeps its changes', async () => {
    let speaks = SYNC_PROTOCOL.max;
    const d = await openDesktop({
      embeddedHubUrl: demo.hub.url,
      clientFor: (url) => {
        const current = () => createHubClient(url, speaks);
        return {
          ...current(),
          push: (token, body) => current().push(token, body),
          pull: (token, body) => current().pull(token, body),
        };
      },
    });
    demo.track(d);
    await d.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD });
    await d.engine.syncNow();
    speaks = SYNC_PROTOCOL.max + 1;
    const buyer = await newBuyer(d, 'Made Before The Update');
    await d.engine.syncNow();
    expect(await d.engine.status()).toMatchObject({
      connection: 'update_required',
      pending: 1,
      lastProblem: {
        code: 'update_required',
        message: expect.stringMatching(/update Trunkshow to keep syncing/),
      },
    });
    expect(await count(demo.hub.store.db, 'buyers', { column: 'id', value: buyer.id })).toBe(0);

    const outdated = await openDesktop({
      embeddedHubUrl: demo.hub.url,
      clientFor: (url) => createHubClient(url, SYNC_PROTOCOL.max + 1),
    });
    demo.track(outdated);
    await expect(
      outdated.session.signIn({ hub: { kind: 'embedded' }, email: REP, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: 'update_required' });
  });

  it('a hub announces the protocol and the mutations it takes', async () => {
    const hello = await createHubClient(demo.hub.url).hello();
    expect(hello.protocol).toEqual({ min: SYNC_PROTOCOL.min, max: SYNC_PROTOCOL.max });
    expect(hello.mutations).toEqual(
      expect.arrayContaining(['buyer.create.v1', 'buyer.updateTerms.v1']),
    );
  });
});

describe('sign-in', () => {
  it('refuses a wrong password in words, and locks the account after 10 failures, across a restart', async () => {
    const d = await openDesktop({ embeddedHubUrl: demo.hub.url });
    demo.track(d);
    const email = 'luca@nordlys-atelier.example';
    await expect(
      d.session.signIn({ hub: { kind: 'embedded' }, email, password: 'wrong password' }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The email or password is not right.',
    });
    await expect(
      d.session.signIn({ hub: { kind: 'embedded' }, email: 'nobody@example.com', password: 'x' }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The email or password is not right.',
    });
    for (let attempt = 0; attempt < 9; attempt++) {
      await d.session
        .signIn({ hub: { kind: 'embedded' }, email, password: 'wrong' })
        .catch(() => undefined);
    }
    await restartHub();
    await expect(
      d.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Too many failed sign-ins. Try again in \d+ minutes?/),
    });
    const tokens = await hubDb(demo.hub.store.db)
      .selectFrom('devices')
      .select('token_hash')
      .execute();
    expect(tokens.every((row) => /^[\w-]{43}$/.test(row.token_hash))).toBe(true);
  });
});

describe('bad sync requests get a 4xx and change nothing', () => {
  let token: string;
  let deviceId: string;
  let buyersBefore: number;

  beforeAll(async () => {
    const d = await openDesktop({ embeddedHubUrl: demo.hub.url });
    await d.session.signIn({
      hub: { kind: 'embedded' },
      email: 'aiko@nordlys-atelier.example',
      password: DEMO_PASSWORD,
    });
    ({ token, deviceId } = d.session.hub('test'));
    await d.close();
  });

  async function expectUnchanged(response: Response, status: number, message: RegExp) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(message);
    expect(await count(demo.hub.store.db, 'buyers')).toBe(buyersBefore);
  }

  const mutation = (seq: number, name = 'buyer.create.v1', args?: unknown) => ({
    seq,
    name,
    at: new Date().toISOString(),
    args: args ?? {
      id: crypto.randomUUID(),
      name: `Forged ${seq}`,
      kind: 'offline',
      countryCode: 'SE',
      terms: { pricelistId: 'x', discountBp: 0, language: 'en' },
    },
  });

  it('refuses each kind of bad request', async () => {
    buyersBefore = await count(demo.hub.store.db, 'buyers');
    await expectUnchanged(await rawPush(token, '{"clientId": '), 400, /not valid JSON/);
    await expectUnchanged(
      await rawPush(token, { clientId: deviceId, mutations: [mutation(1, 'buyer.explode.v9')] }),
      400,
      /does not know the change "buyer.explode.v9"/,
    );
    await expectUnchanged(
      await rawPush(token, {
        clientId: deviceId,
        mutations: [mutation(1, 'buyer.create.v1', { id: 'not-a-uuid' })],
      }),
      400,
      /invalid arguments/,
    );
    await expectUnchanged(
      await rawPush(token, { clientId: 'someone-else', mutations: [mutation(1)] }),
      403,
      /another device/,
    );
    await expectUnchanged(
      await rawPush('forged-token', { clientId: deviceId, mutations: [mutation(1)] }),
      401,
      /does not recognise this device/,
    );
    await expectUnchanged(
      await rawPush(token, { clientId: deviceId, mutations: [mutation(5)] }),
      409,
      /Change 5 arrived before change 1/,
    );
    await expectUnchanged(
      await rawPush(
        token,
        { clientId: deviceId, mutations: [mutation(1)] },
        { [PROTOCOL_HEADER]: '99' },
      ),
      426,
      /update Trunkshow/,
    );
    await expectUnchanged(
      await rawPush(token, { clientId: deviceId, mutations: [mutation(2), mutation(1)] }),
      400,
      /rising seq order/,
    );
    await expectUnchanged(
      await rawPush(token, { clientId: deviceId, mutations: [mutation(1)], extra: true }),
      400,
      /not valid/,
    );
    const huge = JSON.stringify({
      clientId: deviceId,
      mutations: [mutation(1, 'buyer.create.v1', { blob: 'x'.repeat(1_200_000) })],
    });
    await expectUnchanged(await rawPush(token, huge), 413, /too large/);
  });

  it('a push delivered twice is applied once, and says so', async () => {
    const body = {
      clientId: deviceId,
      mutations: [
        mutation(1, 'buyer.create.v1', {
          id: crypto.randomUUID(),
          name: 'Delivered Twice',
          kind: 'offline',
          countryCode: 'SE',
          terms: {
            pricelistId: await pricelistId(demo.hub.store.db),
            discountBp: 0,
            language: 'en',
          },
        }),
      ],
    };
    const first = await rawPush(token, body);
    expect(await first.json()).toEqual({
      results: [{ seq: 1, status: 'applied' }],
      lastAppliedSeq: 1,
    });
    const again = await rawPush(token, body);
    expect(await again.json()).toEqual({
      results: [{ seq: 1, status: 'already_applied' }],
      lastAppliedSeq: 1,
    });
    expect(
      await count(demo.hub.store.db, 'buyers', { column: 'name', value: 'Delivered Twice' }),
    ).toBe(1);
  });
});
