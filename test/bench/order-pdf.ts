import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { renderOrderConfirmation } from '../../main/hub/orders/confirmation-mail.ts';
import { placeOrder } from '../../main/hub/orders/place-order.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { hubDb, openStore } from '../../main/store/database.ts';
import { boothOrderRequest } from '../support/orders.ts';

const LINES = 500;
const RUNS = 5;

/**
 * `order.pdf_ms`: a 500-line order's confirmation as the hub's sender makes it just
 * before mailing it (the order, its lines and catalog read from the store, the document
 * built, the PDF drawn with the shipped Japanese-capable font), the median of a few runs.
 * On a small demo brand of its own: only the order's size matters here.
 */
export async function benchOrderPdf(
  report: (name: string, value: number, unit: string) => void,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-order-pdf-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  try {
    await seedDemoBrand(store.db, { styles: 100, seed: 12 });
    const db = hubDb(store.db);
    const skus = await db
      .selectFrom('skus as k')
      .innerJoin('products as p', 'p.id', 'k.product_id')
      .select('k.id')
      .orderBy('p.style_number')
      .orderBy('k.colorway_id')
      .orderBy('k.position')
      .limit(LINES)
      .execute();
    if (skus.length < LINES) throw new Error(`The demo brand has only ${skus.length} SKUs`);
    const buyer = await db.selectFrom('buyers').select('id').executeTakeFirstOrThrow();
    const rep = await db.selectFrom('staff_users').select('id').executeTakeFirstOrThrow();
    const orderId = uuidv7();
    await store.db.transaction().execute((trx) =>
      placeOrder(
        trx,
        { kind: 'staff', userId: rep.id, role: 'rep', device: null },
        boothOrderRequest(
          {
            buyerId: buyer.id,
            selectionId: 'bench-order-pdf',
            lines: skus.map((sku, index) => ({
              skuId: sku.id,
              quantity: 1 + (index % 7),
              unitPriceMinor: 4_500 + (index % 3) * 250,
            })),
          },
          { orderId, discountBasisPoints: 500 },
        ),
      ),
    );
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const file = await renderOrderConfirmation(store.db, orderId);
      if (!file || file.content.byteLength === 0) throw new Error('No confirmation was drawn');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    report('order.pdf_ms', times[Math.floor(times.length / 2)]!, 'ms');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
