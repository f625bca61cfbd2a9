import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { engineOf } from '../../../main/store/database.ts';
import { inTransaction } from '../../../main/store/transactions.ts';
import { useDemoHub } from '../../support/demo-hub.ts';
import {
  aBuyerAndSize,
  pushNewSelection,
  pushOne,
  quantityOnHub,
  signInRawDevice,
} from '../../support/raw-device.ts';

/**
 * On PostgreSQL the hub's check-then-write work (checkouts, links, orders, buyers) takes
 * the check lock and runs one at a time; a rep's selection changes guard the selection
 * they change instead and run beside it. (The races that guarding must win run on both
 * engines, in concurrent-pushes.test.ts.)
 */

const demo = useDemoHub('trunkshow-guarded-pushes-');

describe("a rep's selection changes on PostgreSQL", () => {
  it('do not wait for the hub’s other writes; a new buyer still does', async () => {
    const db = demo.hub.store.db;
    expect(engineOf(db).name).toBe('postgres');
    const { buyerId, skuId, pricelistId } = await aBuyerAndSize(db);
    const device = await signInRawDevice(demo.hub.url, 'maja@nordlys-atelier.example', 'Booth');
    const selectionId = await pushNewSelection(device, buyerId);
    let newBuyer: Promise<string> | undefined;
    let newBuyerAnswered = false;
    // A transaction of the hub's own kind (it holds the check lock) stays open meanwhile,
    // as a slow checkout would.
    await inTransaction(db, async () => {
      const scanned = pushOne(device, 'selection.addUnits.v1', { selectionId, skuId, units: 2 });
      expect(await Promise.race([scanned, sleep(5_000, 'waited for the checkout')])).toBe(
        'applied',
      );
      newBuyer = pushOne(device, 'buyer.create.v1', {
        id: randomUUID(),
        name: 'Walk-in',
        kind: 'offline',
        countryCode: 'SE',
        terms: { pricelistId, discountBp: 0, language: 'en' },
      });
      void newBuyer.then(() => (newBuyerAnswered = true));
      await sleep(300);
      expect(newBuyerAnswered).toBe(false);
    });
    expect(await newBuyer).toBe('applied');
    expect(await quantityOnHub(db, selectionId, skuId)).toBe(2);
  });
});
