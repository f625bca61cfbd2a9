import { placeOrderLocally, shippingChoice } from '../../main/services/order-placement.ts';
import { createSelectionLocally, setQuantitiesLocally } from '../../main/services/selections.ts';
import { PlaceBoothOrderInput } from '../../preload/contract/index.ts';
import type { TestDesktop } from '../support/desktop.ts';

/**
 * `order.place.p95_ms`: a rep places the order of a 500-line selection on the desktop,
 * timed to the local commit (the order on the replica with its provisional number and in
 * the outbox), as the Place order dialog's confirm does. Each order is synced untimed
 * before the next, so no push runs beside a timed placement.
 */
export async function benchOrderPlace(
  desktop: TestDesktop,
  report: (name: string, value: number, unit: string) => void,
  runs = 40,
): Promise<void> {
  const services = {
    db: desktop.store.db,
    session: desktop.session,
    engine: desktop.engine,
    clock: () => new Date(),
  };
  const buyer = await desktop.store.db
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.pricelist_id', 'b.country_code', 'p.currency'])
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  const skus = await desktop.store.db
    .selectFrom('skus as s')
    .innerJoin('prices as p', (join) =>
      join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', buyer.pricelist_id),
    )
    .select('s.id')
    .orderBy('s.colorway_id')
    .limit(500)
    .execute();
  const selection = await createSelectionLocally(services, {
    buyerId: buyer.id,
    name: 'Benchmark, booth order',
    notes: '',
  });
  await setQuantitiesLocally(services, {
    selectionId: selection.id,
    lines: skus.map((sku) => ({ skuId: sku.id, quantity: 2 })),
  });
  const shipping = await shippingChoice(services, {
    country: buyer.country_code,
    currency: buyer.currency,
  });
  const address = {
    name: 'Benchmark Store',
    line1: '1 Market Street',
    line2: '',
    postalCode: '',
    city: 'Riverside',
    region: '',
    country: buyer.country_code,
    phone: '',
  };
  const input = PlaceBoothOrderInput.parse({
    selectionId: selection.id,
    shipTo: address,
    billTo: address,
    shipStart: '',
    cancelDate: '',
    poNumber: 'PO-BENCH',
    paymentMethod: 'outside_app',
    shippingGroupId: shipping.ok ? shipping.rates[0]!.groupId : null,
    note: '',
    approvedBy: 'Benchmark Buyer',
    acknowledgeDeadlines: true,
  });
  await desktop.engine.syncNow();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const placed = await placeOrderLocally(services, input);
    times.push(performance.now() - started);
    const lines = await desktop.store.db
      .selectFrom('order_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('order_id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    if (Number(lines.n) !== 500) throw new Error(`The order holds ${lines.n} lines, not 500`);
    await desktop.engine.syncNow();
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  report('order.place.median_ms', at(50), 'ms');
  report('order.place.p95_ms', at(95), 'ms');
}
