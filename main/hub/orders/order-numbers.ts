import {
  DEFAULT_ORDER_NUMBER_PREFIX,
  formatOrderNumber,
  placementYear,
} from '../../domain/order-number.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';

/**
 * The brand's next final order number (SO-2027-00042), taken inside the placing
 * transaction: the counter moves by one upsert, so two orders never share a
 * sequence and a rolled-back order gives its sequence back with everything else.
 */
export async function takeOrderNumber(trx: StoreDb, placedAt: string): Promise<string> {
  const prefix = DEFAULT_ORDER_NUMBER_PREFIX;
  // One upsert: the first order of a prefix starts its counter at 1, every other moves it on.
  const { last_sequence: sequence } = await hubDb(trx)
    .insertInto('order_counters')
    .values({ prefix, last_sequence: 1 })
    .onConflict((conflict) =>
      conflict
        .column('prefix')
        .doUpdateSet((eb) => ({ last_sequence: eb('order_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return formatOrderNumber({ kind: 'final', prefix, year: placementYear(placedAt), sequence });
}
