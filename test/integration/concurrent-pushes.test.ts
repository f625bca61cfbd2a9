import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hubDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import {
  aBuyerAndSize,
  pushNewSelection,
  pushOne,
  quantityOnHub,
  signInRawDevice,
  type RawDevice,
} from '../support/raw-device.ts';

/**
 * Pushes from many devices at once, as at a show where every rep's desktop syncs the
 * moment the booth's network comes back. On PostgreSQL a rep's selection changes and a
 * buyer's addresses do not queue behind the hub's other writes (they guard what they
 * change instead), so these are the races that guarding must win: changes to one
 * selection, one identifier claimed twice, a buyer's one bill-to address, one push
 * arriving twice. On SQLite they run one at a time and must come out the same.
 */

const ADMIN = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-concurrent-pushes-');

const signIn = (name: string) => signInRawDevice(demo.hub.url, ADMIN, name);

describe('pushes from many devices at once', () => {
  it('lose no unit when six devices scan into one selection together', async () => {
    const { buyerId, skuId } = await aBuyerAndSize(demo.hub.store.db);
    const devices: RawDevice[] = [];
    // One after the other: the hub hashes a few passwords at a time per address.
    for (let n = 1; n <= 6; n++) devices.push(await signIn(`Scanner ${n}`));
    const selectionId = await pushNewSelection(devices[0]!, buyerId);
    const results = await Promise.all(
      devices.map(async (device) => {
        const statuses: string[] = [];
        for (let n = 0; n < 8; n++) {
          statuses.push(
            await pushOne(device, 'selection.addUnits.v1', { selectionId, skuId, units: 1 }),
          );
        }
        return statuses;
      }),
    );
    expect(new Set(results.flat())).toEqual(new Set(['applied']));
    expect(await quantityOnHub(demo.hub.store.db, selectionId, skuId)).toBe(6 * 8);
  });

  it('give an identifier to one selection only when two devices claim it together', async () => {
    const { buyerId } = await aBuyerAndSize(demo.hub.store.db);
    const first = await signIn('First');
    const second = await signIn('Second');
    for (let round = 0; round < 8; round++) {
      const id = randomUUID();
      const statuses = await Promise.all(
        [first, second].map((device) =>
          pushOne(device, 'selection.create.v1', { id, buyerId, name: device.deviceId, notes: '' }),
        ),
      );
      const winner = statuses[0] === 'applied' ? first : second;
      expect(statuses.sort()).toEqual(['applied', 'refused: conflict']);
      // The selection is the applied change's, not the refused one written over it.
      const made = await hubDb(demo.hub.store.db)
        .selectFrom('selections')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(made.name).toBe(winner.deviceId);
    }
  });

  it('keep one bill-to address when two devices give a buyer one together', async () => {
    const { pricelistId } = await aBuyerAndSize(demo.hub.store.db);
    const first = await signIn('Bill-to one');
    const second = await signIn('Bill-to two');
    for (let round = 0; round < 6; round++) {
      const buyerId = randomUUID();
      expect(
        await pushOne(first, 'buyer.create.v1', {
          id: buyerId,
          name: `Boutique ${round}`,
          kind: 'offline',
          countryCode: 'SE',
          terms: { pricelistId, discountBp: 0, language: 'en' },
        }),
      ).toBe('applied');
      const statuses = await Promise.all(
        [first, second].map((device) =>
          pushOne(device, 'buyer.saveAddress.v1', {
            id: randomUUID(),
            buyerId,
            kind: 'bill_to',
            address: {
              name: device.deviceId,
              line1: 'Storgatan 1',
              line2: '',
              postalCode: '111 22',
              city: 'Stockholm',
              region: '',
              country: 'SE',
              phone: '',
            },
          }),
        ),
      );
      expect(statuses.sort()).toEqual(['applied', 'refused: conflict']);
      const billTo = await hubDb(demo.hub.store.db)
        .selectFrom('buyer_addresses')
        .select('id')
        .where('buyer_id', '=', buyerId)
        .where('kind', '=', 'bill_to')
        .execute();
      expect(billTo).toHaveLength(1);
    }
  });

  it('apply a change once when its push reaches the hub twice at the same moment', async () => {
    const { buyerId, skuId } = await aBuyerAndSize(demo.hub.store.db);
    const device = await signIn('Retrying');
    const selectionId = await pushNewSelection(device, buyerId);
    for (let round = 0; round < 8; round++) {
      const seq = ++device.seq;
      const args = { selectionId, skuId, units: 1 };
      const statuses = await Promise.all([
        pushOne(device, 'selection.addUnits.v1', args, seq),
        pushOne(device, 'selection.addUnits.v1', args, seq),
      ]);
      expect(statuses.sort()).toEqual(['already_applied', 'applied']);
    }
    expect(await quantityOnHub(demo.hub.store.db, selectionId, skuId)).toBe(8);
  });
});
