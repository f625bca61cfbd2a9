import { placeOrderLocally } from '../../main/services/order-placement.ts';
import { boothOrderInput, boothSelection } from '../support/booth-order.ts';
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
  const { selectionId, buyer, sizes } = await boothSelection(
    services,
    'Benchmark, booth order',
    500,
  );
  if (sizes !== 500) throw new Error(`The selection holds ${sizes} sizes, not 500`);
  const input = await boothOrderInput(services, selectionId, buyer);
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
