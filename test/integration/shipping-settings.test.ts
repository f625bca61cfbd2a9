import { describe, expect, it } from 'vitest';
import {
  removeShippingRateGroupLocally,
  saveShippingRateGroupLocally,
  setDefaultShippingRateGroupLocally,
  shippingSetup,
} from '../../main/services/shipping.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * The Settings card's operations: a group with problems is answered per field with the
 * domain's codes and nothing queued; a good one is saved on this computer at once, waits
 * to sync, and reaches the hub; the default follows; removing it clears the default.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-shipping-settings-');

describe('shipping rate groups in Settings', () => {
  it('answers problems at their fields, saves offline-first, sets the default and removes', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const before = await shippingSetup(services);
    expect(before.defaultGroupId).toBe('demo-shipping-standard');
    expect(before.groups.map((group) => group.name)).toEqual(['Express', 'Standard']);

    const rate = { country: 'SE', currency: 'SEK', amountMinor: 12_000, freeFromMinor: null };
    await expect(
      saveShippingRateGroupLocally(services, {
        name: ' ',
        rates: [
          rate,
          { ...rate, amountMinor: 9_000 },
          { ...rate, country: 'se', currency: 'XXX1' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'name', code: 'rate_group_name_required' },
        {
          path: 'rates.1.country',
          code: 'rate_duplicate',
          params: { country: 'SE', currency: 'SEK' },
        },
        { path: 'rates.2.country', code: 'rate_country_invalid' },
        { path: 'rates.2.currency', code: 'rate_currency_invalid' },
      ],
    });
    expect((await maja.engine.status()).pending).toBe(0);

    const saved = await saveShippingRateGroupLocally(services, { name: 'Freight', rates: [rate] });
    const freight = saved.groups.find((group) => group.name === 'Freight')!;
    expect(freight).toMatchObject({ rates: [rate], waitingToSync: true });
    const withDefault = await setDefaultShippingRateGroupLocally(services, freight.id);
    expect(withDefault.defaultGroupId).toBe(freight.id);
    await maja.engine.syncNow();
    expect((await shippingSetup(services)).groups.find((g) => g.id === freight.id)).toMatchObject({
      waitingToSync: false,
    });
    const onHub = await demo.hub.store.db
      .selectFrom('brand_settings')
      .select('default_shipping_rate_group_id')
      .executeTakeFirstOrThrow();
    expect(onHub.default_shipping_rate_group_id).toBe(freight.id);

    const removed = await removeShippingRateGroupLocally(services, freight.id);
    expect(removed.defaultGroupId).toBeNull();
    expect(removed.groups.some((group) => group.id === freight.id)).toBe(false);
    await maja.engine.syncNow();
    await setDefaultShippingRateGroupLocally(services, 'demo-shipping-standard');
    await maja.engine.syncNow();
  });

  it('are an admin’s to change', async () => {
    const jonas = await demo.desktop();
    await expect(
      saveShippingRateGroupLocally(servicesOf(jonas), { name: 'Mine', rates: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
