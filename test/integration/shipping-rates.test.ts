import { describe, expect, it } from 'vitest';
import { changeLocally } from '../../main/services/local-change.ts';
import { shippingOptions } from '../../main/store/shipping-queries.ts';
import {
  removeShippingRateGroup,
  saveShippingRateGroup,
  setDefaultShippingRateGroup,
} from '../../main/sync/mutators/shipping-rates.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

const MAJA = 'maja@nordlys-atelier.example';
const JONAS = 'jonas@nordlys-atelier.example';

const demo = useDemoHub('trunkshow-shipping-rates-');

const doing = { field: 'rates', doing: 'set up shipping rates' };

describe('shipping rate groups', () => {
  it('reach every desktop, and an order’s rates come from the brand’s default group', async () => {
    const jonas = await demo.desktop(JONAS);
    // The demo brand ships Standard by default, free above ¥200,000 in Japan.
    expect(await shippingOptions(jonas.store.db, { country: 'JP', currency: 'JPY' })).toEqual({
      ok: true,
      rates: [
        expect.objectContaining({
          groupName: 'Standard',
          amountMinor: 3_000,
          freeFromMinor: 200_000,
          source: 'brand',
        }),
      ],
    });
    // A country the brand does not ship to in that currency says which.
    expect(await shippingOptions(jonas.store.db, { country: 'JP', currency: 'EUR' })).toEqual({
      ok: false,
      code: 'no_shipping_rate',
      params: { country: 'JP', currency: 'EUR' },
    });
  });

  it('are set up by an admin: saved, made the default and removed, on the hub and the desktops', async () => {
    const maja = await demo.desktop(MAJA);
    const jonas = await demo.desktop(JONAS);
    const id = '0193a7a0-0000-7000-8000-00000000a001';
    await changeLocally(
      servicesOf(maja),
      saveShippingRateGroup,
      {
        id,
        name: ' Freight ',
        rates: [{ country: 'JP', currency: 'EUR', amountMinor: 9_000, freeFromMinor: null }],
      },
      doing,
    );
    await changeLocally(servicesOf(maja), setDefaultShippingRateGroup, { groupId: id }, doing);
    await maja.engine.syncNow();
    expect((await maja.engine.status()).pending).toBe(0);
    await jonas.engine.syncNow();
    for (const db of [demo.hub.store.db, jonas.store.db]) {
      expect(await shippingOptions(db, { country: 'JP', currency: 'EUR' })).toMatchObject({
        ok: true,
        rates: [{ groupId: id, groupName: 'Freight', amountMinor: 9_000 }],
      });
    }

    // Removing the default group leaves the brand without one, not pointing at nothing.
    await changeLocally(servicesOf(maja), removeShippingRateGroup, { id }, doing);
    await maja.engine.syncNow();
    await jonas.engine.syncNow();
    const settings = await jonas.store.db
      .selectFrom('brand_settings')
      .select('default_shipping_rate_group_id')
      .executeTakeFirstOrThrow();
    expect(settings.default_shipping_rate_group_id).toBeNull();
    expect(await shippingOptions(jonas.store.db, { country: 'JP', currency: 'JPY' })).toMatchObject(
      { ok: false, code: 'no_shipping_rate' },
    );
  });

  it('are refused to a rep, and a group with two rates for one country and currency is refused', async () => {
    const jonas = await demo.desktop(JONAS);
    const maja = await demo.desktop(MAJA);
    await expect(
      changeLocally(
        servicesOf(jonas),
        saveShippingRateGroup,
        { id: 'g1', name: 'Mine', rates: [] },
        doing,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const rate = { country: 'SE', currency: 'SEK', amountMinor: 100, freeFromMinor: null };
    await expect(
      changeLocally(
        servicesOf(maja),
        saveShippingRateGroup,
        { id: 'g2', name: 'Twice', rates: [rate, { ...rate, amountMinor: 200 }] },
        doing,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
