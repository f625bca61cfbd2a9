import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS } from '../../main/domain/addresses.ts';
import { tokenHash } from '../../main/hub/auth/tokens.ts';
import {
  createDtcCustomerLocally,
  listDtcCustomers,
  saveDtcCustomerLocally,
} from '../../main/services/dtc-customers.ts';
import {
  createDtcLinkLocally,
  dtcLinkAddressOf,
  killDtcLinkLocally,
} from '../../main/services/dtc-links.ts';
import {
  createDtcSelectionLocally,
  openDtcSelection,
  saveDtcSelectionLocally,
} from '../../main/services/dtc-selections.ts';
import { listRefusals } from '../../main/services/sync.ts';
import { hubDb } from '../../main/store/database.ts';
import type { DtcCustomerInput } from '../../preload/contract/index.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * DTC customers, selections and one-time checkout links made in the desktop, through a
 * real demo hub: a customer per email (the desktop and the hub refuse a second), a
 * selection saved whole with special prices, its problems answered at their lines with
 * nothing queued; a link made offline waits to sync, is copied from the token this
 * desktop kept, and reaches the hub as its hash and its sealed copy (never in the audit
 * log); another desktop copies it from the hub; the hub refuses a link for a selection a
 * purchase deleted; a killed link is dead.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-dtc-desk-');

let emails = 0;
function card(
  marketId: string,
  email = `aiko.${++emails}.${Date.now()}@example.jp`,
): DtcCustomerInput {
  return {
    firstName: 'Aiko',
    lastName: 'Tanaka',
    email,
    phone: '+81 3 1234 5678',
    countryCode: 'JP',
    marketId,
    addresses: [
      {
        ...EMPTY_ADDRESS,
        name: 'Aiko Tanaka',
        line1: '1-2-3 Jingumae',
        city: 'Shibuya',
        country: 'JP',
      },
    ],
  };
}

/** A market and two SKUs with a retail price on its pricelist. */
async function marketWithSkus() {
  const db = demo.hub.store.db;
  const market = await db
    .selectFrom('markets')
    .select(['id', 'pricelist_id'])
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const skus = await db
    .selectFrom('prices')
    .select(['sku_id', 'retail_minor'])
    .where('pricelist_id', '=', market.pricelist_id)
    .orderBy('sku_id')
    .limit(2)
    .execute();
  return { marketId: market.id, skus };
}

describe('DTC selling from the desktop', () => {
  it('keeps one customer per email, on the desktop and on the hub', async () => {
    const { marketId } = await marketWithSkus();
    const jonas = await demo.desktop();
    const services = servicesOf(jonas);
    const aiko = await createDtcCustomerLocally(services, card(marketId));
    await expect(
      createDtcCustomerLocally(services, card(marketId, ` ${aiko.card.email.toUpperCase()} `)),
    ).rejects.toMatchObject({
      code: 'conflict',
      issues: [expect.objectContaining({ path: 'email', code: 'customer_email_taken' })],
    });
    await jonas.engine.syncNow();
    expect((await listDtcCustomers(jonas.store.db, 'tanaka')).customers.map((c) => c.id)).toContain(
      aiko.id,
    );

    // Two desktops take the same new customer offline: the hub keeps the first.
    const maja = await demo.desktop(MAJA);
    const email = `kenji.${Date.now()}@example.jp`;
    await demo.stop();
    const made = [
      await createDtcCustomerLocally(services, card(marketId, email)),
      await createDtcCustomerLocally(servicesOf(maja), card(marketId, email)),
    ];
    await demo.start();
    await jonas.engine.syncNow();
    await maja.engine.syncNow();
    await jonas.engine.syncNow();
    const onHub = await demo.hub.store.db
      .selectFrom('dtc_customers')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(onHub).toHaveLength(1);
    // Whichever reached the hub second is refused, with a code the showroom words.
    const loser = made[0]!.id === onHub[0]!.id ? 1 : 0;
    const refusals = await listRefusals([jonas, maja][loser]!.store.db, 'dtc-customer:');
    expect(refusals).toEqual([
      expect.objectContaining({
        subject: `dtc-customer:${made[loser]!.id}`,
        code: 'customer_email_taken',
      }),
    ]);

    // A card's own problems are answered at their fields, nothing queued.
    const pending = (await jonas.engine.status()).pending;
    await expect(
      saveDtcCustomerLocally(services, {
        id: aiko.id,
        card: { ...card(marketId), email: 'not an email', addresses: [{ ...EMPTY_ADDRESS }] },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'email', code: 'invalid_email' }),
        expect.objectContaining({ path: 'addresses.0.line1', code: 'required' }),
      ]),
    });
    expect((await jonas.engine.status()).pending).toBe(pending);
  });

  it('saves a selection whole and refuses what breaks its rules at the line', async () => {
    const { marketId, skus } = await marketWithSkus();
    const jonas = await demo.desktop();
    const services = servicesOf(jonas);
    const aiko = await createDtcCustomerLocally(services, card(marketId));
    const selection = await createDtcSelectionLocally(services, {
      customerId: aiko.id,
      marketId,
      name: 'For Aiko',
    });
    await expect(
      createDtcLinkLocally(services, {
        selectionId: selection.id,
        lockQuantities: true,
        ignoreShipping: true,
        ignoreTax: true,
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'selection_empty' })] });

    const pending = (await jonas.engine.status()).pending;
    const save = (lines: { skuId: string; quantity: number; specialPriceMinor: number | null }[]) =>
      saveDtcSelectionLocally(services, { selectionId: selection.id, name: 'For Aiko', lines });
    const [a, b] = skus.map((sku) => sku.sku_id);
    await expect(save([{ skuId: a!, quantity: 1, specialPriceMinor: -1 }])).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          path: 'lines.0.specialPriceMinor',
          code: 'special_price_negative',
        }),
      ],
    });
    for (const quantity of [1.5, -1, 0, 1000]) {
      await expect(save([{ skuId: a!, quantity, specialPriceMinor: null }])).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [expect.objectContaining({ path: 'lines.0.quantity' })],
      });
    }
    expect((await jonas.engine.status()).pending).toBe(pending);

    const saved = await save([
      { skuId: a!, quantity: 2, specialPriceMinor: 5000 },
      { skuId: b!, quantity: 1, specialPriceMinor: null },
    ]);
    expect(saved.lines).toHaveLength(2);
    expect(saved.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skuId: a, quantity: 2, specialPriceMinor: 5000 }),
        expect.objectContaining({ skuId: b, quantity: 1, retailMinor: skus[1]!.retail_minor }),
      ]),
    );
    // Saving again with one line drops the other: the whole set is what is saved.
    await save([{ skuId: b!, quantity: 3, specialPriceMinor: 0 }]);
    await jonas.engine.syncNow();
    const lines = await demo.hub.store.db
      .selectFrom('dtc_selection_lines')
      .select(['sku_id', 'quantity', 'special_price_minor'])
      .where('selection_id', '=', selection.id)
      .execute();
    expect(lines).toEqual([{ sku_id: b, quantity: 3, special_price_minor: 0 }]);
    const onHub = await demo.hub.store.db
      .selectFrom('dtc_selections')
      .select(['pricelist_id', 'owner_id'])
      .where('id', '=', selection.id)
      .executeTakeFirstOrThrow();
    expect(onHub.pricelist_id).toBe(selection.market.pricelistId);
  });

  it('makes a link offline that goes live on sync with its token hashed and sealed', async () => {
    const { marketId, skus } = await marketWithSkus();
    const jonas = await demo.desktop();
    const services = servicesOf(jonas);
    const aiko = await createDtcCustomerLocally(services, card(marketId));
    const selection = await createDtcSelectionLocally(services, {
      customerId: aiko.id,
      marketId,
      name: 'VIP basket',
    });
    await saveDtcSelectionLocally(services, {
      selectionId: selection.id,
      name: 'VIP basket',
      lines: [{ skuId: skus[0]!.sku_id, quantity: 1, specialPriceMinor: 1000 }],
    });
    await demo.stop();
    const { link, url } = await createDtcLinkLocally(services, {
      selectionId: selection.id,
      lockQuantities: true,
      ignoreShipping: true,
      ignoreTax: false,
    });
    expect(link).toMatchObject({ state: 'waitingToSync', lockQuantities: true, ignoreTax: false });
    const match = new RegExp(`/dtc/${link.id}/([\\w-]{43})$`).exec(url);
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect((await dtcLinkAddressOf(services, link.id)).url).toBe(url);

    await demo.start();
    await jonas.engine.syncNow();
    const hub = hubDb(demo.hub.store.db);
    const row = await hub
      .selectFrom('dtc_links')
      .selectAll()
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      token_hash: tokenHash(token),
      lock_quantities: 1,
      ignore_shipping: 1,
      ignore_tax: 0,
    });
    const secret = await hub
      .selectFrom('dtc_link_secrets')
      .selectAll()
      .where('link_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(secret.token_sealed).toBeTruthy();
    expect(secret.token_sealed).not.toContain(token);
    const audit = await hub
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'dtcLink.create.v1')
      .execute();
    for (const entry of audit) expect(entry.details).not.toContain(token);
    expect((await openDtcSelection(services, selection.id)).links).toMatchObject([
      { id: link.id, state: 'live' },
    ]);

    // An admin's other desktop has no token of its own: the hub opens the sealed one.
    const maja = await demo.desktop(MAJA);
    expect((await dtcLinkAddressOf(servicesOf(maja), link.id)).url).toBe(url);

    const killed = await killDtcLinkLocally(services, link.id);
    expect(killed.links[0]).toMatchObject({ state: 'dead' });
    await jonas.engine.syncNow();
    const dead = await hub
      .selectFrom('dtc_links')
      .select('killed_at')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(dead.killed_at).not.toBeNull();
  });

  it('is refused by the hub a link for a selection a purchase deleted', async () => {
    const { marketId, skus } = await marketWithSkus();
    const jonas = await demo.desktop();
    const services = servicesOf(jonas);
    const aiko = await createDtcCustomerLocally(services, card(marketId));
    const selection = await createDtcSelectionLocally(services, {
      customerId: aiko.id,
      marketId,
      name: 'Bought already',
    });
    await saveDtcSelectionLocally(services, {
      selectionId: selection.id,
      name: 'Bought already',
      lines: [{ skuId: skus[0]!.sku_id, quantity: 1, specialPriceMinor: null }],
    });
    await jonas.engine.syncNow();
    // What the first purchase does on the hub (the hub lane's checkout), before this desktop hears.
    await demo.hub.store.db
      .updateTable('dtc_selections')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', selection.id)
      .execute();
    await demo.stop();
    const { link } = await createDtcLinkLocally(services, {
      selectionId: selection.id,
      lockQuantities: false,
      ignoreShipping: false,
      ignoreTax: false,
    });
    await demo.start();
    await jonas.engine.syncNow();
    const detail = await openDtcSelection(services, selection.id);
    expect(detail.deletedAt).not.toBeNull();
    expect(detail.links.map((l) => l.id)).not.toContain(link.id);
    expect(detail.refusals).toMatchObject([{ code: 'selection_deleted' }]);
  });
});

describe('a checkout link’s address', () => {
  it('fills the brand’s storefront template when there is one', async () => {
    const { marketId, skus } = await marketWithSkus();
    const hubDbOf = () => demo.hub.store.db;
    await hubDbOf()
      .updateTable('brand_settings')
      .set({ dtc_link_template: 'https://store.example/selection/%basket%/%hash%' })
      .execute();
    try {
      const jonas = await demo.desktop();
      const services = servicesOf(jonas);
      const aiko = await createDtcCustomerLocally(services, card(marketId));
      const selection = await createDtcSelectionLocally(services, {
        customerId: aiko.id,
        marketId,
        name: 'Storefront',
      });
      await saveDtcSelectionLocally(services, {
        selectionId: selection.id,
        name: 'Storefront',
        lines: [{ skuId: skus[0]!.sku_id, quantity: 1, specialPriceMinor: null }],
      });
      const { link, url } = await createDtcLinkLocally(services, {
        selectionId: selection.id,
        lockQuantities: false,
        ignoreShipping: false,
        ignoreTax: false,
      });
      expect(url).toMatch(new RegExp(`^https://store\\.example/selection/${link.id}/[\\w-]{43}$`));
    } finally {
      await hubDbOf().updateTable('brand_settings').set({ dtc_link_template: null }).execute();
    }
  });
});
