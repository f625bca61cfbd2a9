import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createBuyerAddresses } from './0011-buyer-addresses.ts';

/** The hub's buyer addresses: the same table as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createBuyerAddresses(db);
  await createChangeLogTriggers(db, 'buyer_addresses', 'id', null);
}
