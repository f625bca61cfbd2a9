import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createShippingRates } from './0017-shipping-rates.ts';

/** The hub's shipping rate groups: the same table as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createShippingRates(db);
  await createChangeLogTriggers(db, 'shipping_rate_groups', 'id', null);
}
