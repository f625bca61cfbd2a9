import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import {
  dtcLinkTemplate,
  marketsTax,
  removeTaxRateLocally,
  setDtcLinkTemplateLocally,
  setPricesIncludeTaxLocally,
  setTaxRateLocally,
  taxRates,
} from '../../main/services/dtc-settings.ts';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * The admin's settings of direct-to-consumer checkout: set on a desktop with the hub
 * away, they wait, reach the hub on sync and every other desktop after; a rep is refused
 * on the desktop and on the hub; input the domain refuses gets its code and writes nothing.
 */

const MAJA = 'maja@nordlys-atelier.example';
const JONAS = 'jonas@nordlys-atelier.example';
const TEMPLATE = 'https://nordlys.example/selection/%basket%/%hash%';

const demo = useDemoHub('trunkshow-dtc-settings-');

/** Another device pushing straight to the hub, as a desktop that skipped its checks could. */
async function pushAs(email: string, mutations: { name: string; args: unknown }[]) {
  const client = createHubClient(demo.url);
  const device = await client.signIn({ email, password: DEMO_PASSWORD, deviceName: 'Script' });
  const answer = await client.push(device.token, {
    clientId: device.deviceId,
    mutations: mutations.map((mutation, index) => ({
      seq: index + 1,
      ...mutation,
      at: new Date().toISOString(),
    })),
  });
  return answer.results;
}

async function hubState() {
  const db = demo.hub.store.db;
  const [rates, markets, brand] = await Promise.all([
    db
      .selectFrom('tax_rates')
      .select(['country_code', 'rate_bp'])
      .orderBy('country_code')
      .execute(),
    db.selectFrom('markets').select(['name', 'prices_include_tax']).orderBy('name').execute(),
    db.selectFrom('brand_settings').select('dtc_link_template').executeTakeFirstOrThrow(),
  ]);
  return { rates, markets, template: brand.dtc_link_template };
}

describe('direct-to-consumer settings', () => {
  it('are set offline, wait, and reach the hub and a rep’s desktop on sync', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const japan = (await marketsTax(services)).markets.find((market) => market.name === 'Japan')!;
    expect(japan).toMatchObject({ currency: 'JPY', countryCodes: ['JP'], pricesIncludeTax: true });

    await demo.stop();
    try {
      expect(await setTaxRateLocally(services, { countryCode: 'SE', rate: '25' })).toEqual({
        rates: [{ countryCode: 'SE', rateBp: 2500, waitingToSync: true }],
      });
      await setTaxRateLocally(services, { countryCode: 'JP', rate: '8,5' });
      await setTaxRateLocally(services, { countryCode: 'JP', rate: '10 %' });
      const markets = await setPricesIncludeTaxLocally(services, {
        marketId: japan.id,
        pricesIncludeTax: false,
      });
      expect(markets.markets.find((market) => market.id === japan.id)).toMatchObject({
        pricesIncludeTax: false,
        waitingToSync: true,
      });
      expect(await setDtcLinkTemplateLocally(services, ` ${TEMPLATE} `)).toMatchObject({
        template: TEMPLATE,
        waitingToSync: true,
      });
      expect((await maja.engine.status()).pending).toBe(5);
    } finally {
      await demo.start();
    }
    await maja.engine.syncNow();
    expect((await maja.engine.status()).pending).toBe(0);
    expect(await hubState()).toMatchObject({
      rates: [
        { country_code: 'JP', rate_bp: 1000 },
        { country_code: 'SE', rate_bp: 2500 },
      ],
      markets: expect.arrayContaining([{ name: 'Japan', prices_include_tax: 0 }]),
      template: TEMPLATE,
    });
    expect((await taxRates(services)).rates.every((rate) => !rate.waitingToSync)).toBe(true);

    const jonas = await demo.desktop(JONAS);
    expect(await taxRates(servicesOf(jonas))).toEqual({
      rates: [
        { countryCode: 'JP', rateBp: 1000, waitingToSync: false },
        { countryCode: 'SE', rateBp: 2500, waitingToSync: false },
      ],
    });
    expect(await dtcLinkTemplate(servicesOf(jonas))).toMatchObject({ template: TEMPLATE });

    // Removed and cleared: the hub's own checkout page again, no rate for Sweden.
    await removeTaxRateLocally(services, 'SE');
    await setDtcLinkTemplateLocally(services, '   ');
    await setPricesIncludeTaxLocally(services, { marketId: japan.id, pricesIncludeTax: true });
    await maja.engine.syncNow();
    expect(await hubState()).toMatchObject({
      rates: [{ country_code: 'JP', rate_bp: 1000 }],
      markets: expect.arrayContaining([{ name: 'Japan', prices_include_tax: 1 }]),
      template: null,
    });
    expect(await dtcLinkTemplate(services)).toEqual({
      template: null,
      checkoutOrigin: demo.url,
      waitingToSync: false,
    });
    await removeTaxRateLocally(services, 'JP');
    await maja.engine.syncNow();
  });

  it('are refused to a rep, on the desktop and on the hub', async () => {
    const jonas = await demo.desktop(JONAS);
    const services = servicesOf(jonas);
    const market = (await marketsTax(services)).markets[0]!;
    const before = await hubState();
    await expect(
      setTaxRateLocally(services, { countryCode: 'SE', rate: '25' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setPricesIncludeTaxLocally(services, { marketId: market.id, pricesIncludeTax: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setDtcLinkTemplateLocally(services, TEMPLATE)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await jonas.engine.status()).pending).toBe(0);

    const results = await pushAs(JONAS, [
      { name: 'taxRate.set.v1', args: { countryCode: 'SE', rateBp: 2500 } },
      {
        name: 'market.setPricesIncludeTax.v1',
        args: { marketId: market.id, pricesIncludeTax: false },
      },
      { name: 'brand.setDtcLinkTemplate.v1', args: { template: TEMPLATE } },
      { name: 'taxRate.remove.v1', args: { countryCode: 'SE' } },
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(results.map((result) => 'code' in result && result.code)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    expect(await hubState()).toEqual(before);
  });

  it('answer bad input with its code at its field, and write nothing', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    await expect(
      setTaxRateLocally(services, { countryCode: 'XX', rate: '8.125' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'countryCode', code: 'tax_country_unknown', params: { country: 'XX' } },
        { path: 'rate', code: 'tax_rate_too_precise', params: { decimals: 2 } },
      ],
    });
    await expect(
      setTaxRateLocally(services, { countryCode: 'SE', rate: '250' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'rate', code: 'tax_rate_too_high', params: { max: 100 } }],
    });
    await expect(
      setDtcLinkTemplateLocally(services, 'https://nordlys.example/selection/%basket%'),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'template', code: 'template_needs_hash', params: { placeholder: '%hash%' } },
      ],
    });
    await expect(
      setDtcLinkTemplateLocally(services, 'nordlys/%basket%/%hash%'),
    ).rejects.toMatchObject({
      issues: [{ path: 'template', code: 'template_not_web_address' }],
    });
    await expect(
      setPricesIncludeTaxLocally(services, { marketId: 'no-such-market', pricesIncludeTax: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeTaxRateLocally(services, 'FR')).rejects.toMatchObject({ code: 'not_found' });
    expect((await maja.engine.status()).pending).toBe(0);

    // What a desktop that skipped its checks pushes is refused by the hub, nothing written.
    const before = await hubState();
    const results = await pushAs(MAJA, [
      { name: 'taxRate.set.v1', args: { countryCode: 'XX', rateBp: 2500 } },
      { name: 'brand.setDtcLinkTemplate.v1', args: { template: 'https://nordlys.example/%hash%' } },
      {
        name: 'market.setPricesIncludeTax.v1',
        args: { marketId: 'gone', pricesIncludeTax: false },
      },
    ]);
    expect(results.map((result) => 'code' in result && result.code)).toEqual([
      'invalid_input',
      'invalid_input',
      'not_found',
    ]);
    expect(await hubState()).toEqual(before);
  });
});
