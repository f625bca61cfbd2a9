import { describe, expect, it } from 'vitest';
import {
  catalogStyles,
  catalogStylesFromCsv,
  catalogsOverview,
  removeCatalogLocally,
  saveCatalogLocally,
  setCatalogStylesLocally,
} from '../../main/services/catalogs.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * The Catalogs section's operations through a real demo hub: an admin's catalog (its
 * settings and styles) is saved on this computer at once, reaches the hub, and from it
 * another desktop; a rep is refused; a catalog holding styles is not removed.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-catalogs-');

const NEW_CATALOG = {
  name: ' AW27 Capsule ',
  season: 'AW27',
  status: 'Limited' as const,
  publicationAt: '2027-05-01T00:00:00.000Z',
  orderDeadlineAt: '2027-07-01T00:00:00.000Z',
  addressField: 'hide' as const,
  paymentMethods: ['outside_app' as const],
  shippingRateGroupIds: ['demo-shipping-express'],
};

describe('catalogs made in the desktop', () => {
  it('answer problems at their fields and reach the hub and another desktop', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const before = await catalogsOverview(services);
    const existing = before.catalogs[0]!;

    await expect(
      saveCatalogLocally(services, {
        ...NEW_CATALOG,
        name: existing.name,
        orderDeadlineAt: '2027-04-01T00:00:00.000Z',
        paymentMethods: [],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'orderDeadlineAt', code: 'catalog_deadline_before_publication' },
        { path: 'paymentMethods', code: 'catalog_payment_method_required' },
        { path: 'name', code: 'catalog_name_taken' },
      ],
    });
    expect((await maja.engine.status()).pending).toBe(0);

    const { id, overview } = await saveCatalogLocally(services, NEW_CATALOG);
    expect(overview.catalogs.find((c) => c.id === id)).toMatchObject({
      name: 'AW27 Capsule',
      season: 'AW27',
      status: 'Limited',
      addressField: 'hide',
      shippingRateGroupIds: ['demo-shipping-express'],
      styleCount: 0,
      waitingToSync: true,
    });

    const [first, second] = await demo.hub.store.db
      .selectFrom('products')
      .select('style_number')
      .orderBy('style_number')
      .limit(2)
      .execute();
    const [a, b] = [first!.style_number, second!.style_number];
    const csv = `Style Number,note\n${b},first\n\n"NO-SUCH",x\n${a},second\n`;
    const fromCsv = await catalogStylesFromCsv(services, csv);
    expect(fromCsv.unknown).toEqual([{ line: 4, styleNumber: 'NO-SUCH' }]);
    const productIds = fromCsv.styles.map((style) => style.id);
    expect(fromCsv.styles.map((style) => style.styleNumber)).toEqual([b, a]);
    await setCatalogStylesLocally(services, { id, productIds });
    await maja.engine.syncNow();
    expect((await maja.engine.status()).pending).toBe(0);

    const onHub = await demo.hub.store.db
      .selectFrom('catalogs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(onHub).toMatchObject({
      name: 'AW27 Capsule',
      address_field: 'hide',
      shipping_rate_group_ids: '["demo-shipping-express"]',
    });

    const jonas = await demo.desktop();
    await jonas.engine.syncNow();
    const seenByJonas = (await catalogsOverview(servicesOf(jonas))).catalogs.find(
      (c) => c.id === id,
    );
    expect(seenByJonas).toMatchObject({ season: 'AW27', styleCount: 2, waitingToSync: false });
    expect((await catalogStyles(servicesOf(jonas), id)).map((s) => s.styleNumber)).toEqual([b, a]);

    // A rep sells from catalogs but does not change them.
    await expect(
      saveCatalogLocally(servicesOf(jonas), { ...NEW_CATALOG, id, name: 'Mine' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setCatalogStylesLocally(servicesOf(jonas), { id, productIds: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await expect(removeCatalogLocally(services, id)).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'styles', code: 'catalog_not_empty', params: { count: 2 } }],
    });
    await setCatalogStylesLocally(services, { id, productIds: [] });
    const removed = await removeCatalogLocally(services, id);
    expect(removed.catalogs.some((c) => c.id === id)).toBe(false);
    await maja.engine.syncNow();
    const gone = await demo.hub.store.db
      .selectFrom('catalogs')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(gone).toBeUndefined();
  });
});
