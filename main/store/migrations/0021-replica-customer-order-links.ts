import type { Kysely } from 'kysely';
import { up as createCustomerOrderLinks } from './0021-customer-order-links.ts';

/**
 * A replica's customer order links, and the tokens of the links this desktop made: the
 * rep copies a link made offline before the hub has it. Other devices ask the hub.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCustomerOrderLinks(db);
  await db.schema
    .createTable('customer_order_link_tokens')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .execute();
}
