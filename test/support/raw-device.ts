import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { createHubClient, type HubClient } from '../../main/sync/hub-client.ts';

/**
 * A device speaking the sync protocol by hand through the hub client, one change per
 * push, as a desktop does when it syncs a change the moment it is made: for races a real
 * desktop's engine (one push at a time) would never start.
 */
export interface RawDevice {
  client: HubClient;
  deviceId: string;
  token: string;
  /** The seq of the device's last change. */
  seq: number;
}

export async function signInRawDevice(
  hubUrl: string,
  email: string,
  deviceName: string,
): Promise<RawDevice> {
  const client = createHubClient(hubUrl);
  const { deviceId, token } = await client.signIn({ email, password: DEMO_PASSWORD, deviceName });
  return { client, deviceId, token, seq: 0 };
}

/**
 * Pushes one change (the device's next, or `seq` to send one again) and says what became
 * of it: `applied`, `already_applied`, or `refused: <code>`.
 */
export async function pushOne(
  device: RawDevice,
  name: string,
  args: unknown,
  seq = ++device.seq,
): Promise<string> {
  const { results } = await device.client.push(device.token, {
    clientId: device.deviceId,
    mutations: [{ seq, name, args, at: new Date().toISOString() }],
  });
  const result = results[0]!;
  return result.status === 'refused' ? `${result.status}: ${result.code}` : result.status;
}

/** A buyer of the hub's brand, a size on the buyer's pricelist, and that pricelist. */
export async function aBuyerAndSize(
  db: StoreDb,
): Promise<{ buyerId: string; skuId: string; pricelistId: string }> {
  const hub = hubDb(db);
  const buyer = await hub
    .selectFrom('buyers')
    .select(['id', 'pricelist_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const sku = await hub
    .selectFrom('prices')
    .select('sku_id')
    .where('pricelist_id', '=', buyer.pricelist_id)
    .orderBy('sku_id')
    .executeTakeFirstOrThrow();
  return { buyerId: buyer.id, skuId: sku.sku_id, pricelistId: buyer.pricelist_id };
}

/** A new selection for the buyer, pushed by the device. */
export async function pushNewSelection(device: RawDevice, buyerId: string): Promise<string> {
  const id = randomUUID();
  expect(
    await pushOne(device, 'selection.create.v1', { id, buyerId, name: 'Raw', notes: '' }),
  ).toBe('applied');
  return id;
}

/** How many of the size the selection holds on the hub (undefined: no line). */
export async function quantityOnHub(
  db: StoreDb,
  selectionId: string,
  skuId: string,
): Promise<number | undefined> {
  const line = await hubDb(db)
    .selectFrom('selection_lines')
    .select('quantity')
    .where('selection_id', '=', selectionId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
  return line?.quantity;
}
