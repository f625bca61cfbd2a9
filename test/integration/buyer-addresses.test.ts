import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import {
  readAddressBook,
  removeAddressLocally,
  saveAddressLocally,
  setContactEmailLocally,
} from '../../main/services/buyer-addresses.ts';
import { sql } from 'kysely';
import type { StoreDb } from '../../main/store/database.ts';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { BuyerSaveAddressInput } from '../../preload/contract/index.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';

const JONAS = 'jonas@nordlys-atelier.example';
const AIKO = 'aiko@nordlys-atelier.example';

const demo = useDemoHub('trunkshow-buyer-addresses-');

async function someBuyer(d: TestDesktop, offset: number) {
  return d.store.db
    .selectFrom('buyers')
    .select('id')
    .orderBy('name')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

const address = {
  name: 'Nordlys Tokyo',
  line1: '1-2-3 Jingumae',
  line2: '',
  postalCode: '150-0001',
  city: 'Shibuya-ku',
  region: 'Tokyo',
  country: 'JP',
  phone: '',
};

/** The operation's input as the contract parses it, as the handler gets it. */
const input = (raw: unknown) => BuyerSaveAddressInput.parse(raw);

async function addressesIn(db: StoreDb, buyerId: string) {
  return db
    .selectFrom('buyer_addresses')
    .select(['id', 'kind', 'city', 'country'])
    .where('buyer_id', '=', buyerId)
    .orderBy('position')
    .execute();
}

/** Another device pushing straight to the hub, as a desktop that skipped its checks could. */
async function pushAs(email: string, args: readonly unknown[]) {
  const client = createHubClient(demo.url);
  const device = await client.signIn({ email, password: DEMO_PASSWORD, deviceName: 'Script' });
  const answer = await client.push(device.token, {
    clientId: device.deviceId,
    mutations: args.map((one, index) => ({
      seq: index + 1,
      name: 'buyer.saveAddress.v1',
      args: one,
      at: new Date().toISOString(),
    })),
  });
  return answer.results;
}

describe('a buyer’s addresses', () => {
  it('saved on one desktop reach the hub and another desktop, with the contact email', async () => {
    const jonas = await demo.desktop(JONAS);
    const aiko = await demo.desktop(AIKO);
    const { id: buyerId } = await someBuyer(jonas, 0);

    const book = await saveAddressLocally(
      servicesOf(jonas),
      input({ buyerId, kind: 'ship_to', address }),
    );
    expect(book.shipTo).toEqual([expect.objectContaining({ city: 'Shibuya-ku', country: 'JP' })]);
    await setContactEmailLocally(servicesOf(jonas), {
      buyerId,
      email: ' orders@nordlys.example ',
    });
    const billed = await saveAddressLocally(
      servicesOf(jonas),
      input({ buyerId, kind: 'bill_to', address: { ...address, city: 'Minato-ku' } }),
    );
    expect(billed.billTo).toMatchObject({ city: 'Minato-ku' });
    await jonas.engine.syncNow();
    expect((await jonas.engine.status()).pending).toBe(0);

    expect(await addressesIn(demo.hub.store.db, buyerId)).toEqual([
      expect.objectContaining({ kind: 'ship_to', city: 'Shibuya-ku', country: 'JP' }),
      expect.objectContaining({ kind: 'bill_to', city: 'Minato-ku' }),
    ]);
    await aiko.engine.syncNow();
    const seen = await readAddressBook(servicesOf(aiko), buyerId);
    expect(seen).toEqual({ ...billed, contactEmail: 'orders@nordlys.example' });

    // Removed on the second desktop: gone on the hub and then on the first.
    await removeAddressLocally(servicesOf(aiko), { buyerId, id: book.shipTo[0]!.id });
    await aiko.engine.syncNow();
    await jonas.engine.syncNow();
    expect((await readAddressBook(servicesOf(jonas), buyerId)).shipTo).toEqual([]);
  });

  it('have one bill-to at most: a second is refused on the desktop, at the hub and by the store', async () => {
    const jonas = await demo.desktop(JONAS);
    const { id: buyerId } = await someBuyer(jonas, 1);
    await saveAddressLocally(servicesOf(jonas), input({ buyerId, kind: 'bill_to', address }));
    await jonas.engine.syncNow();

    await expect(
      saveAddressLocally(servicesOf(jonas), input({ buyerId, kind: 'bill_to', address })),
    ).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'kind', code: 'bill_to_taken' }],
    });
    expect((await jonas.engine.status()).pending).toBe(0);

    // A desktop that skipped the check (or raced another) is refused by the hub.
    const [result] = await pushAs(AIKO, [
      { id: '0193a7a0-0000-7000-8000-0000000000b1', buyerId, kind: 'bill_to', address },
    ]);
    expect(result).toMatchObject({ status: 'refused', code: 'conflict' });

    // And the store itself keeps one, whatever writes to it.
    await expect(
      sql`insert into buyer_addresses (id, buyer_id, kind, name, line1, city, country, position, updated_at)
        values ('direct', ${buyerId}, 'bill_to', 'x', 'x', 'x', 'SE', 9, '')`.execute(
        demo.hub.store.db,
      ),
    ).rejects.toThrow(/UNIQUE constraint failed|unique constraint/);
    expect(
      (await addressesIn(demo.hub.store.db, buyerId)).filter((a) => a.kind === 'bill_to'),
    ).toHaveLength(1);
  });

  it('with no country, an unknown country or a 10 KB line is refused per field, nothing written', async () => {
    const jonas = await demo.desktop(JONAS);
    const { id: buyerId } = await someBuyer(jonas, 2);
    const before = await addressesIn(jonas.store.db, buyerId);
    const cases = [
      [
        { ...address, country: '' },
        { path: 'address.country', code: 'country_required' },
      ],
      [
        { ...address, country: 'XX' },
        { path: 'address.country', code: 'country_unknown' },
      ],
      [
        { ...address, line1: 'x'.repeat(10 * 1024) },
        { path: 'address.line1', code: 'too_long', params: { max: 200 } },
      ],
    ] as const;
    for (const [bad, issue] of cases) {
      await expect(
        saveAddressLocally(servicesOf(jonas), input({ buyerId, kind: 'ship_to', address: bad })),
      ).rejects.toMatchObject({ code: 'invalid_input', issues: [issue] });
    }
    await expect(
      setContactEmailLocally(servicesOf(jonas), { buyerId, email: 'not an email' }),
    ).rejects.toMatchObject({ issues: [{ path: 'email', code: 'invalid_email' }] });
    expect(await addressesIn(jonas.store.db, buyerId)).toEqual(before);
    expect((await jonas.engine.status()).pending).toBe(0);

    // The hub judges by the same rules: a pushed bad address is refused, not stored.
    const results = await pushAs(
      JONAS,
      cases.map(([bad], index) => ({
        id: `0193a7a0-0000-7000-8000-00000000000${index}`,
        buyerId,
        kind: 'ship_to',
        address: bad,
      })),
    );
    expect(results.map((result) => result.status)).toEqual(['refused', 'refused', 'refused']);
    expect(await addressesIn(demo.hub.store.db, buyerId)).toEqual([]);
  });
});
