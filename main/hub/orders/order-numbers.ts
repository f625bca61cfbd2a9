import {
  DEFAULT_ORDER_NUMBER_PREFIX,
  formatOrderNumber,
  placementYear,
} from '../../domain/order-number.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';

/**
 * The brand's next final order number (SO-2027-00042), taken inside the placing
 * transaction: the counter moves by one guarded update, so two orders never share a
 * sequence and a rolled-back order gives its sequence back with everything else.
 */
export async function takeOrderNumber(trx: StoreDb, placedAt: string): Promise<string> {
  const prefix = DEFAULT_ORDER_NUMBER_PREFIX;
  const hub = hubDb(trx);
  await hub
    .insertInto('order_counters')
    .values({ prefix, last_sequence: 0 })
    .onConflict((conflict) => conflict.column('prefix').doNothing())
    .execute();
  const { last_sequence: sequence } = await hub
    .updateTable('order_counters')
    .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1) }))
    .where('prefix', '=', prefix)
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return formatOrderNumber({ kind: 'final', prefix, year: placementYear(placedAt), sequence });
}
