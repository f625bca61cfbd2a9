import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { createBuyerLocally, updateBuyerTermsLocally } from '../../main/services/buyers.ts';
import { hubDb, replicaDb, type StoreDb } from '../../main/store/database.ts';
import { createHubClient, HubUnreachable, type HubClient } from '../../main/sync/hub-client.ts';
import { openDesktop, type TestDesktop } from '../support/desktop.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * Two desktops edit buyers while their network drops requests, loses answers and
 * delivers requests twice, in random interleavings. Whatever happens, once the network
 * is back every replica equals the hub, and the hub applied each change exactly once.
 */
type Fault = 'none' | 'lose-request' | 'lose-answer' | 'deliver-twice';

/** A hub client whose push and pull suffer the fault set for the next call. */
function unreliable(real: HubClient, faults: Fault[]): HubClient {
  const wrap =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      const fault = faults.shift() ?? 'none';
      if (fault === 'lose-request') throw new HubUnreachable('network cut before the request');
      const result = await call(...args);
      if (fault === 'lose-answer') throw new HubUnreachable('network cut before the answer');
      if (fault === 'deliver-twice') return call(...args);
      return result;
    };
  return {
    ...real,
    push: wrap((token, body) => real.push(token, body)),
    pull: wrap((token, body) => real.pull(token, body)),
  };
}

const Action = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), device: fc.integer({ min: 0, max: 1 }) }),
  fc.record({
    kind: fc.constant('update' as const),
    device: fc.integer({ min: 0, max: 1 }),
    pick: fc.nat(),
    discount: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.integer({ min: 0, max: 1 }),
    faults: fc.array(
      fc.constantFrom<Fault>('none', 'lose-request', 'lose-answer', 'deliver-twice'),
      { maxLength: 4 },
    ),
  }),
);

let root: string;
let hub: RunningHub;
let pricelist: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-sync-property-'));
  hub = await startTestHub({ dataDir: join(root, 'hub'), port: 0, demo: 3, buyerAppDir: null });
  pricelist = (await hub.store.db.selectFrom('pricelists').select('id').executeTakeFirstOrThrow())
    .id;
});

afterAll(async () => {
  await hub.close();
  rmSync(root, { recursive: true, force: true });
});

async function buyersOf(db: StoreDb) {
  return db
    .selectFrom('buyers')
    .select(['id', 'name', 'pricelist_id', 'discount_bp', 'language'])
    .orderBy('id')
    .execute();
}

describe('sync under random interleavings, drops and duplicates', () => {
  it('converges, and applies every accepted change exactly once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(Action, { minLength: 1, maxLength: 25 }), async (actions) => {
        run++;
        const faults: Fault[][] = [[], []];
        const desktops: TestDesktop[] = [];
        // Two computers of the admin, who may change any buyer's trading terms.
        for (const [index, email] of [
          'maja@nordlys-atelier.example',
          'maja@nordlys-atelier.example',
        ].entries()) {
          const d = await openDesktop({
            embeddedHubUrl: hub.url,
            clientFor: (url) => unreliable(createHubClient(url), faults[index]!),
          });
          desktops.push(d);
          await d.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
          await d.engine.syncNow();
        }
        const created: string[] = [];
        let made = 0;
        try {
          for (const action of actions) {
            const d = desktops[action.device]!;
            const services = {
              db: d.store.db,
              session: d.session,
              engine: d.engine,
              clock: () => new Date(),
            };
            if (action.kind === 'create') {
              const buyer = await createBuyerLocally(services, {
                name: `Run ${run} buyer ${created.length}`,
                kind: 'offline',
                countryCode: 'SE',
                terms: { pricelistId: pricelist, discountPercent: 0, language: 'en' },
              });
              created.push(buyer.id);
              made++;
            } else if (action.kind === 'update') {
              const known = (await buyersOf(d.store.db)).filter((buyer) =>
                created.includes(buyer.id),
              );
              const target = known[action.pick % Math.max(1, known.length)];
              if (!target) continue;
              await updateBuyerTermsLocally(services, {
                buyerId: target.id,
                terms: {
                  pricelistId: pricelist,
                  discountPercent: action.discount / 100,
                  language: 'ja',
                },
              });
              made++;
            } else {
              faults[action.device]!.push(...action.faults);
              await d.engine.syncNow();
            }
          }

          // The network is back: every desktop syncs until nothing is left to send.
          faults[0]!.length = 0;
          faults[1]!.length = 0;
          for (let round = 0; round < 3; round++) {
            for (const d of desktops) await d.engine.syncNow();
          }

          const onHub = (await buyersOf(hub.store.db)).filter((buyer) =>
            created.includes(buyer.id),
          );
          expect(onHub.map((buyer) => buyer.id).sort()).toEqual([...created].sort());
          for (const d of desktops) {
            expect(await d.engine.status()).toMatchObject({ pending: 0, refused: 0 });
            const replica = (await buyersOf(d.store.db)).filter((buyer) =>
              created.includes(buyer.id),
            );
            expect(replica).toEqual(onHub);
          }

          const deviceIds = desktops.map((d) => d.session.account()!.deviceId);
          const applied = await hub.store.db
            .selectFrom('audit_log')
            .select(['device', 'details'])
            .where('device', 'in', deviceIds)
            .where('action', 'like', 'buyer.%')
            .execute();
          const keys = applied.map(
            (entry) => `${entry.device}:${(JSON.parse(entry.details) as { seq: number }).seq}`,
          );
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys).toHaveLength(made);
          const devices = await hubDb(hub.store.db)
            .selectFrom('devices')
            .select('last_applied_seq')
            .where('id', 'in', deviceIds)
            .execute();
          const replicaSeqs = await Promise.all(
            desktops.map(
              async (d) =>
                (
                  await replicaDb(d.store.db)
                    .selectFrom('sync_state')
                    .select('next_seq')
                    .executeTakeFirstOrThrow()
                ).next_seq - 1,
            ),
          );
          expect(devices.map((device) => device.last_applied_seq).sort()).toEqual(
            replicaSeqs.sort(),
          );
        } finally {
          for (const d of desktops) await d.close();
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
  }, 120_000);
});
