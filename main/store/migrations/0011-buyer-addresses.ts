import { sql, type Kysely } from 'kysely';

/**
 * A buyer's postal addresses (several ship-to, one bill-to) and contact email. The
 * store itself keeps a buyer to one bill-to address (a partial unique index), so no
 * order of pushes from several desktops can leave two. Field limits live in
 * main/domain/addresses.ts; the store does not repeat them. Hub and replica alike; the
 * hub's migration adds the change log's triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Existing buyers have no contact email yet: '' until a rep gives one.
  await db.schema
    .alterTable('buyers')
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('buyer_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ship_to', 'bill_to')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('line1', 'text', (c) => c.notNull())
    .addColumn('line2', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    // Where the address sits in the buyer's list: the order they were added in.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('buyer_addresses_buyer')
    .on('buyer_addresses')
    .columns(['buyer_id', 'kind', 'position'])
    .execute();
  await db.schema
    .createIndex('buyer_addresses_one_bill_to')
    .on('buyer_addresses')
    .column('buyer_id')
    .unique()
    .where(sql.ref('kind'), '=', 'bill_to')
    .execute();
}
