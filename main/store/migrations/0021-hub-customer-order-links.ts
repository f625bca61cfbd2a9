import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createCustomerOrderLinks } from './0021-customer-order-links.ts';

/**
 * The hub's customer order links: the synced table, and beside it what never leaves
 * the hub: the link's token sealed under the hub's key (so any staff device can copy
 * the link, while the store alone grants nothing) and its passcode's Argon2id hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCustomerOrderLinks(db);
  await createChangeLogTriggers(db, 'customer_order_links', 'id', null);
  await db.schema
    .createTable('customer_order_link_secrets')
    .addColumn('link_id', 'text', (c) =>
      c.primaryKey().references('customer_order_links.id').onDelete('cascade'),
    )
    .addColumn('token_sealed', 'text')
    .addColumn('passcode_hash', 'text')
    .execute();
}
