import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoBuyerAccounts } from '../../main/hub/demo-brand.ts';
import { hubDb } from '../../main/store/database.ts';
import type { SharedSelection } from '../../preload/contract/index.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';

const demo = useDemoHub('trunkshow-catalog-dates-');
const DAY = 86_400_000;

/**
 * A priced SKU of a style that is in this catalog only, its catalog's dates set this many
 * days from now (the demo brand's own dates are drawn round the day it was made).
 */
async function styleOnlyIn(
  catalog: string,
  pricelistId: string,
  days: { published: number; deadline: number },
) {
  const hub = hubDb(demo.hub.store.db);
  const inDays = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();
  const { id } = await hub
    .updateTable('catalogs')
    .set({ publication_at: inDays(days.published), order_deadline_at: inDays(days.deadline) })
    .where('name', '=', catalog)
    .returning('id')
    .executeTakeFirstOrThrow();
  const sku = await hub
    .selectFrom('catalog_products as cp')
    .innerJoin('products as p', 'p.id', 'cp.product_id')
    .innerJoin('colorways as c', 'c.product_id', 'p.id')
    .innerJoin('skus as s', 's.colorway_id', 'c.id')
    .innerJoin('prices as pr', (join) =>
      join.onRef('pr.sku_id', '=', 's.id').on('pr.pricelist_id', '=', pricelistId),
    )
    .select(['s.id', 'p.style_number'])
    .where('cp.catalog_id', '=', id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('catalog_products as other')
            .select('other.catalog_id')
            .whereRef('other.product_id', '=', 'p.id')
            .where('other.catalog_id', '<>', id),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  // In stock everywhere: what this test orders is refused for its dates, never for stock.
  const warehouses = await hub.selectFrom('warehouses').select('id').execute();
  await hub
    .insertInto('stock')
    .values(
      warehouses.map((warehouse) => ({
        warehouse_id: warehouse.id,
        sku_id: sku.id,
        quantity: 100,
      })),
    )
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: 100 }))
    .execute();
  return { skuId: sku.id, styleNumber: sku.style_number };
}

async function post(path: string, body: Record<string, unknown>) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Partial<SharedSelection> & {
      error?: { code: string; params?: Record<string, string | number> };
    },
  };
}

const contact = { name: 'Aiko Tanaka', email: 'aiko@shop.example', phone: '', note: '' };

describe('catalog dates on a share link', () => {
  it('hide an unpublished catalog’s styles until it is published, then refuse its styles at checkout once its deadline passes', async () => {
    const hub = hubDb(demo.hub.store.db);
    const buyer = await hub
      .selectFrom('buyers')
      .select(['id', 'pricelist_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const preview = await styleOnlyIn('AW27 Preview', buyer.pricelist_id, {
      published: 20,
      deadline: 160,
    });
    const main = await styleOnlyIn('SS27 Main Collection', buyer.pricelist_id, {
      published: -14,
      deadline: 75,
    });
    const token = await insertSharedSelection(demo.hub.store.db, {
      buyerId: buyer.id,
      skuIds: [preview.skuId, main.skuId],
      name: 'Ahead of AW27',
    });
    // The link stays live whatever day the test moves to.
    await hub.updateTable('share_links').set({ expires_at: '2999-01-01T00:00:00.000Z' }).execute();
    const styles = (answer: { body: Partial<SharedSelection> }) =>
      answer.body.lines!.map((line) => line.styleNumber);

    const before = await post('/api/share/open', { token });
    expect(before.status).toBe(200);
    expect(styles(before)).toEqual([main.styleNumber]);
    expect(before.body.totals!.units).toBe(2);

    // Nothing was written meanwhile: the answer prepared before must not be served.
    demo.travel(21);
    const published = await post('/api/share/open', { token });
    expect(styles(published).toSorted()).toEqual(
      [main.styleNumber, preview.styleNumber].toSorted(),
    );
    expect(published.body.lines!.every((line) => line.orderRefusal === null)).toBe(true);
    expect(published.body.totals!.units).toBe(4);

    // SS27 Main has closed, AW27 Preview is open: the closed line is marked, out of the totals.
    demo.travel(76);
    const mixed = await post('/api/share/open', { token });
    const closed = mixed.body.lines!.find((line) => line.styleNumber === main.styleNumber)!;
    expect(closed.orderRefusal).toEqual({
      code: 'deadline_passed',
      params: { catalog: 'SS27 Main Collection', deadline: expect.any(String) },
    });
    expect(mixed.body.totals!.units).toBe(2);
    // A page that did not show it as left out is refused, naming the style; nothing written.
    const refused = await post('/api/share/checkout', {
      token,
      orderId: crypto.randomUUID(),
      ...contact,
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'deadline_passed', params: { styles: main.styleNumber, count: 1 } } },
    });
    expect(await hub.selectFrom('orders').select('id').execute()).toEqual([]);
    // Left out, the rest is ordered.
    const orderId = crypto.randomUUID();
    const placed = await post('/api/share/checkout', {
      token,
      orderId,
      ...contact,
      leaveOut: [closed.styleId],
    });
    expect(placed.status).toBe(201);
    const lines = await hub
      .selectFrom('order_lines')
      .select(['sku_id', 'quantity'])
      .where('order_id', '=', orderId)
      .execute();
    expect(lines).toEqual([{ sku_id: preview.skuId, quantity: 2 }]);

    // AW27 Preview has closed too, while the page still offered it.
    demo.travel(161);
    const late = await post('/api/share/checkout', {
      token,
      orderId: crypto.randomUUID(),
      ...contact,
      leaveOut: [closed.styleId],
    });
    expect(late).toMatchObject({
      status: 409,
      body: {
        error: { code: 'deadline_passed', params: { styles: preview.styleNumber, count: 1 } },
      },
    });
    expect(await hub.selectFrom('orders').select('id').execute()).toHaveLength(1);
  });
});

describe('catalog dates on a buyer’s own selections', () => {
  it('leave out an unpublished catalog’s styles at the selection’s ordinary address too', async () => {
    const hub = hubDb(demo.hub.store.db);
    const [person] = (await demoBuyerAccounts(demo.hub.store.db))!;
    const buyer = await hub
      .selectFrom('buyer_memberships as m')
      .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
      .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
      .select(['b.id', 'b.pricelist_id'])
      .where('u.email', '=', person!.email)
      .executeTakeFirstOrThrow();
    const preview = await styleOnlyIn('AW27 Preview', buyer.pricelist_id, {
      published: 20,
      deadline: 160,
    });
    await insertSharedSelection(demo.hub.store.db, {
      buyerId: buyer.id,
      skuIds: [preview.skuId],
      name: 'AW27 first look',
    });
    const { id } = await hub
      .selectFrom('selections')
      .select('id')
      .where('name', '=', 'AW27 first look')
      .executeTakeFirstOrThrow();
    // Signed in afresh at each visit: a buyer session lasts hours, the wait is weeks.
    const read = async () => {
      const signIn = await fetch(`${demo.url}/api/buyer/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person!.email, password: DEMO_PASSWORD }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const response = await fetch(`${demo.url}/api/buyer/selections/${id}`, {
        headers: { cookie },
      });
      return (await response.json()) as SharedSelection;
    };

    expect((await read()).lines).toEqual([]);
    demo.travel(21);
    expect((await read()).lines.map((line) => line.styleNumber)).toEqual([preview.styleNumber]);
  });
});
